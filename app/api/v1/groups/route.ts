// GET|POST /api/v1/groups {name}
import { api } from '@/lib/http/families';
import { createGroup, listGroups } from '@/lib/services/contact-groups';
import { groupInput } from '@/lib/validation/contacts';
import { listOf } from '@/lib/validation/responses/common';
import { groupView } from '@/lib/validation/responses/contacts';

export const GET = api({ summary: 'Contact groups', auth: 'client', response: listOf(groupView) }, async ({ db, actor }) => ({
  data: await listGroups(db, actor),
}));

export const POST = api(
  { summary: 'Add a contact group', auth: 'client', body: groupInput, status: 201, response: groupView, errors: [409] },
  ({ db, actor, body }) => createGroup(db, actor, body),
);
