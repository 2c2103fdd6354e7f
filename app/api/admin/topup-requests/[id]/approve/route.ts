// POST /api/admin/topup-requests/:id/approve  {note?} — 409 already_decided when decided before
import { withApi } from '@/lib/http/api';
import { decideTopupRequest } from '@/lib/services/topups';
import { approveTopupInput } from '@/lib/validation/credit';

export const POST = withApi({ auth: 'admin', body: approveTopupInput, idempotent: true }, ({ db, actor, id, body }) =>
  decideTopupRequest(db, actor, id, { approve: true, note: body.note }),
);
