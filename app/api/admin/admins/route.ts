// GET|POST /api/admin/admins
import { withApi } from '@/lib/http/api';
import { createAdmin, listAdmins } from '@/lib/services/admins';
import { createAdminInput } from '@/lib/validation/settings';

export const GET = withApi({ auth: 'admin' }, async ({ db, actor }) => ({ data: await listAdmins(db, actor) }));

export const POST = withApi({ auth: 'admin', body: createAdminInput, status: 201 }, ({ db, actor, body }) => createAdmin(db, actor, body));
