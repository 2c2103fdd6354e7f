// GET /api/v1/contacts?search=&group_id=&page=&limit= · POST /api/v1/contacts {phone, name?, fields?, groups?}
import { api } from '@/lib/http/families';
import { createContact, listContacts } from '@/lib/services/contacts';
import { contactInput, listContactsQuery } from '@/lib/validation/contacts';
import { paged } from '@/lib/validation/responses/common';
import { contactView } from '@/lib/validation/responses/contacts';

export const GET = api(
  {
    summary: 'Contacts (search by the start of a name or number, filter by group)',
    auth: 'client',
    query: listContactsQuery,
    response: paged(contactView),
  },
  ({ db, actor, query }) => listContacts(db, actor, query),
);

export const POST = api(
  { summary: 'Add a contact (one per number)', auth: 'client', body: contactInput, status: 201, response: contactView, errors: [409] },
  ({ db, actor, body }) => createContact(db, actor, body),
);
