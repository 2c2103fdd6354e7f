// GET /api/admin/rate-limits — sign-in and API buckets near or over their limit (last 15 minutes)
import { api } from '@/lib/http/families';
import { busyRateLimits } from '@/lib/services/rate-limits';
import { rateLimitView } from '@/lib/validation/responses/accounts';
import { listOf } from '@/lib/validation/responses/common';

export const GET = api(
  { summary: 'Sign-in and API rate-limit buckets near or over their limit', auth: 'admin', response: listOf(rateLimitView) },
  async ({ db, actor }) => ({ data: await busyRateLimits(db, actor) }),
);
