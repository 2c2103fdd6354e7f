// GET|POST /api/reseller/topup-requests
import { api } from '@/lib/http/families';
import { fileTopupRequest, listTopupRequests } from '@/lib/services/topups';
import { listTopupsQuery, topupRequestInput } from '@/lib/validation/credit';
import { IMAGE_BODY_LIMIT } from '@/lib/validation/image-rules';
import { topupView } from '@/lib/validation/responses/billing';
import { paged } from '@/lib/validation/responses/common';

export const GET = api(
  { summary: 'Own top-up requests', auth: 'reseller', query: listTopupsQuery, response: paged(topupView) },
  ({ db, actor, query }) => listTopupRequests(db, actor, query),
);

export const POST = api(
  {
    summary: 'Ask the admin for credit {amount, payment_account_id, reference (transaction id), note?, slip_image?}',
    auth: 'reseller',
    body: topupRequestInput,
    bodyLimit: IMAGE_BODY_LIMIT,
    status: 201,
    idempotent: true,
    response: topupView,
  },
  ({ db, actor, body }) => fileTopupRequest(db, actor, body),
);
