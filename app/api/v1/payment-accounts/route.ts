// GET /api/v1/payment-accounts — where to pay the reseller for a renewal (its enabled accounts)
import { api } from '@/lib/http/families';
import { listPayeeAccounts } from '@/lib/services/payment-accounts';
import { paymentAccountView } from '@/lib/validation/responses/billing';
import { listOf } from '@/lib/validation/responses/common';

export const GET = api(
  {
    summary: "The reseller's payment accounts to pay for a package (QR: GET /api/v1/images/:id)",
    auth: 'client',
    response: listOf(paymentAccountView),
  },
  async ({ db, actor }) => ({ data: await listPayeeAccounts(db, actor) }),
);
