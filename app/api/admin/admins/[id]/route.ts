// PATCH /api/admin/admins/:id  {status: active|suspended} — never the last active admin
import { api } from '@/lib/http/families';
import { setAdminStatus } from '@/lib/services/admins';
import { adminView } from '@/lib/validation/responses/accounts';
import { adminStatusInput } from '@/lib/validation/settings';

export const PATCH = api(
  {
    summary: 'Disable or enable an admin (never the last active one)',
    auth: 'admin',
    body: adminStatusInput,
    response: adminView,
    errors: [409],
  },
  ({ db, actor, id, body }) => setAdminStatus(db, actor, id, body.status),
);
