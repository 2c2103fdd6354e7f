// POST /api/reseller/clients/:id/transfer-credit  {amount, note?} — a negative amount takes credit back
import { withApi } from '@/lib/http/api';
import { transferCredit } from '@/lib/services/transfers';
import { transferInput } from '@/lib/validation/branding';

export const POST = withApi({ auth: 'reseller', body: transferInput, status: 201, idempotent: true }, ({ db, actor, id, body }) =>
  transferCredit(db, actor, id, body.amount, body.note),
);
