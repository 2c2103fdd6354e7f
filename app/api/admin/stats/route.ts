// GET /api/admin/stats
import { withApi } from '@/lib/http/api';
import { adminStats } from '@/lib/services/stats';

export const GET = withApi({ auth: 'admin' }, ({ db, actor }) => adminStats(db, actor));
