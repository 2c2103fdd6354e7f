// POST /api/admin/topup-requests/:id/reject  {reason} — 409 already_decided when decided before
import { api } from '@/lib/http/families';
import { decideTopupRequest } from '@/lib/services/topups';
import { rejectTopupInput } from '@/lib/validation/credit';
import { topupDecision } from '@/lib/validation/responses/billing';

export const POST = api(
  { summary: 'Reject with a reason, once', auth: 'admin', body: rejectTopupInput, response: topupDecision, errors: [409] },
  ({ db, actor, id, body }) => decideTopupRequest(db, actor, id, { approve: false, reason: body.reason }),
);
