// POST /api/reseller/clients/:id/transfer-credit  {amount, note?} — a negative amount takes credit back
import { api } from '@/lib/http/families';
import { transferCredit } from '@/lib/services/transfers';
import { transferInput } from '@/lib/validation/branding';
import { transferResult } from '@/lib/validation/responses/billing';

export const POST = api(
  {
    summary: "Move credit to the client's balance (negative takes it back)",
    auth: 'reseller',
    body: transferInput,
    status: 201,
    idempotent: true,
    response: transferResult,
    errors: [402],
  },
  ({ db, actor, id, body }) => transferCredit(db, actor, id, body.amount, body.note),
);
