// GET /api/admin/stats
import { api } from '@/lib/http/families';
import { adminStats } from '@/lib/services/stats';
import { adminStatsView } from '@/lib/validation/responses/accounts';

export const GET = api({ summary: 'Overview cards and 30-day series', auth: 'admin', response: adminStatsView }, ({ db, actor }) =>
  adminStats(db, actor),
);
