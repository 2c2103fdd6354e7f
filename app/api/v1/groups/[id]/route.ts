// PATCH|DELETE /api/v1/groups/:id — deleting a group keeps its contacts
import { api } from '@/lib/http/families';
import { deleteGroup, renameGroup } from '@/lib/services/contact-groups';
import { groupInput } from '@/lib/validation/contacts';
import { deleted, groupView } from '@/lib/validation/responses/contacts';

export const PATCH = api(
  { summary: 'Rename a contact group', auth: 'client', body: groupInput.partial().strict(), response: groupView, errors: [409] },
  ({ db, actor, id, body }) => renameGroup(db, actor, id, body),
);

export const DELETE = api(
  { summary: 'Delete a contact group (its contacts stay)', auth: 'client', response: deleted },
  ({ db, actor, id }) => deleteGroup(db, actor, id),
);
