// PATCH|DELETE /api/v1/templates/:id
import { api } from '@/lib/http/families';
import { deleteTemplate, updateTemplate } from '@/lib/services/templates';
import { deleted } from '@/lib/validation/responses/contacts';
import { templateView } from '@/lib/validation/responses/templates';
import { templateUpdateInput } from '@/lib/validation/templates';

export const PATCH = api(
  { summary: 'Change a message template', auth: 'client', body: templateUpdateInput, response: templateView },
  ({ db, actor, id, body }) => updateTemplate(db, actor, id, body),
);

export const DELETE = api({ summary: 'Delete a message template', auth: 'client', response: deleted }, ({ db, actor, id }) =>
  deleteTemplate(db, actor, id),
);
