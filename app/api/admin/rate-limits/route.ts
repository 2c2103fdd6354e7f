// GET /api/admin/rate-limits — sign-in and API buckets near or over their limit (last 15 minutes)
import { withApi } from '@/lib/http/api';
import { busyRateLimits } from '@/lib/services/rate-limits';

export const GET = withApi({ auth: 'admin' }, async ({ db, actor }) => ({ data: await busyRateLimits(db, actor) }));
