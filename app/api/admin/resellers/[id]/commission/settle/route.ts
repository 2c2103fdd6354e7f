// POST /api/admin/resellers/:id/commission/settle  {mode: payout|convert, amount?, reference?, note?}
import { withApi } from '@/lib/http/api';
import { settleCommission } from '@/lib/services/reseller-admin';
import { commissionSettleInput } from '@/lib/validation/credit';

export const POST = withApi({ auth: 'admin', body: commissionSettleInput, status: 201, idempotent: true }, ({ db, actor, id, body }) =>
  settleCommission(db, actor, id, body),
);
