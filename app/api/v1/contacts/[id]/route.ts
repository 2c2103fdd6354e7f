// GET|PATCH|DELETE /api/v1/contacts/:id
import { api } from '@/lib/http/families';
import { deleteContact, getContact, updateContact } from '@/lib/services/contacts';
import { contactUpdateInput } from '@/lib/validation/contacts';
import { contactView, deleted } from '@/lib/validation/responses/contacts';

export const GET = api({ summary: 'One contact', auth: 'client', response: contactView }, ({ db, actor, id }) => getContact(db, actor, id));

export const PATCH = api(
  {
    summary: 'Change a contact (groups and fields are replaced when given)',
    auth: 'client',
    body: contactUpdateInput,
    response: contactView,
    errors: [409],
  },
  ({ db, actor, id, body }) => updateContact(db, actor, id, body),
);

export const DELETE = api({ summary: 'Delete a contact', auth: 'client', response: deleted }, ({ db, actor, id }) =>
  deleteContact(db, actor, id),
);
