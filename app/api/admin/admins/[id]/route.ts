// PATCH /api/admin/admins/:id  {status: active|suspended} — never the last active admin
import { withApi } from '@/lib/http/api';
import { setAdminStatus } from '@/lib/services/admins';
import { adminStatusInput } from '@/lib/validation/settings';

export const PATCH = withApi({ auth: 'admin', body: adminStatusInput }, ({ db, actor, id, body }) =>
  setAdminStatus(db, actor, id, body.status),
);
