// GET|POST /api/admin/admins
import { api } from '@/lib/http/families';
import { createAdmin, listAdmins } from '@/lib/services/admins';
import { adminView } from '@/lib/validation/responses/accounts';
import { listOf } from '@/lib/validation/responses/common';
import { createAdminInput } from '@/lib/validation/settings';

export const GET = api({ summary: 'List admins', auth: 'admin', response: listOf(adminView) }, async ({ db, actor }) => ({
  data: await listAdmins(db, actor),
}));

export const POST = api(
  { summary: 'Create an admin', auth: 'admin', body: createAdminInput, status: 201, response: adminView, errors: [409] },
  ({ db, actor, body }) => createAdmin(db, actor, body),
);
