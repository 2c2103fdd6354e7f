// GET /api/admin/topup-requests?status=pending
import { withApi } from '@/lib/http/api';
import { listTopupRequests } from '@/lib/services/topups';
import { listTopupsQuery } from '@/lib/validation/credit';

export const GET = withApi({ auth: 'admin', query: listTopupsQuery }, ({ db, actor, query }) => listTopupRequests(db, actor, query));
