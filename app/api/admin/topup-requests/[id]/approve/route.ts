// POST /api/admin/topup-requests/:id/approve  {note?, allow_duplicate_reference?} — 409 already_decided when
// decided before, 409 duplicate_reference when its method and reference were already credited
import { api } from '@/lib/http/families';
import { decideTopupRequest } from '@/lib/services/topups';
import { approveTopupInput } from '@/lib/validation/credit';
import { topupDecision } from '@/lib/validation/responses/billing';

export const POST = api(
  {
    summary: 'Approve: the credit is added, once',
    auth: 'admin',
    body: approveTopupInput,
    idempotent: true,
    response: topupDecision,
    errors: [409],
  },
  ({ db, actor, id, body }) =>
    decideTopupRequest(db, actor, id, { approve: true, note: body.note, allow_duplicate_reference: body.allow_duplicate_reference }),
);
