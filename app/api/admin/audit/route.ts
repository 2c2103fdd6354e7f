// GET /api/admin/audit?action=&target_type=&target_id=&actor_id=&from=&to=
import { api } from '@/lib/http/families';
import { listAudit } from '@/lib/services/audit';
import { auditQuery } from '@/lib/validation/common';
import { auditView } from '@/lib/validation/responses/accounts';
import { paged } from '@/lib/validation/responses/common';

export const GET = api({ summary: 'The audit log', auth: 'admin', query: auditQuery, response: paged(auditView) }, ({ db, actor, query }) =>
  listAudit(db, actor, query),
);
