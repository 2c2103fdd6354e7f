// PATCH|DELETE /api/v1/keywords/:id
import { api } from '@/lib/http/families';
import { deleteKeyword, updateKeyword } from '@/lib/services/keywords';
import { keywordUpdate } from '@/lib/validation/engagement';
import { deleted } from '@/lib/validation/responses/contacts';
import { keywordView } from '@/lib/validation/responses/engagement';

export const PATCH = api(
  { summary: 'Change a keyword, its reply or its group', auth: 'client', body: keywordUpdate, response: keywordView, errors: [409] },
  ({ db, actor, id, body }) => updateKeyword(db, actor, id, body),
);

export const DELETE = api({ summary: 'Delete a keyword', auth: 'client', response: deleted }, ({ db, actor, id }) =>
  deleteKeyword(db, actor, id),
);
