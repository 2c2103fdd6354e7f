// GET /api/admin/audit?action=&target_type=&target_id=&actor_id=&from=&to=
import { withApi } from '@/lib/http/api';
import { listAudit } from '@/lib/services/audit';
import { auditQuery } from '@/lib/validation/common';

export const GET = withApi({ auth: 'admin', query: auditQuery }, ({ db, actor, query }) => listAudit(db, actor, query));
