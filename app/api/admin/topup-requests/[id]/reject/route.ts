// POST /api/admin/topup-requests/:id/reject  {reason} — 409 already_decided when decided before
import { withApi } from '@/lib/http/api';
import { decideTopupRequest } from '@/lib/services/topups';
import { rejectTopupInput } from '@/lib/validation/credit';

export const POST = withApi({ auth: 'admin', body: rejectTopupInput }, ({ db, actor, id, body }) =>
  decideTopupRequest(db, actor, id, { approve: false, reason: body.reason }),
);
