// POST /api/admin/resellers/:id/commission/settle  {mode: payout|convert, amount?, reference?, note?}
import { api } from '@/lib/http/families';
import { settleCommission } from '@/lib/services/reseller-admin';
import { commissionSettleInput } from '@/lib/validation/credit';
import { commissionSettlement } from '@/lib/validation/responses/billing';

export const POST = api(
  {
    summary: 'Pay out commission or convert it to credit',
    auth: 'admin',
    body: commissionSettleInput,
    status: 201,
    idempotent: true,
    response: commissionSettlement,
    errors: [402, 409],
  },
  ({ db, actor, id, body }) => settleCommission(db, actor, id, body),
);
