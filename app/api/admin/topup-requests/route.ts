// GET /api/admin/topup-requests?status=pending
import { api } from '@/lib/http/families';
import { listTopupRequests } from '@/lib/services/topups';
import { listTopupsQuery } from '@/lib/validation/credit';
import { topupView } from '@/lib/validation/responses/billing';
import { paged } from '@/lib/validation/responses/common';

export const GET = api(
  { summary: 'Top-up request queue', auth: 'admin', query: listTopupsQuery, response: paged(topupView) },
  ({ db, actor, query }) => listTopupRequests(db, actor, query),
);
