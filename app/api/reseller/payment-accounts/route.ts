// GET /api/reseller/payment-accounts — where to pay the platform for credit (its enabled accounts)
import { api } from '@/lib/http/families';
import { listPayeeAccounts } from '@/lib/services/payment-accounts';
import { paymentAccountView } from '@/lib/validation/responses/billing';
import { listOf } from '@/lib/validation/responses/common';

export const GET = api(
  {
    summary: "The platform's payment accounts to pay for credit (QR: GET /api/reseller/images/:id)",
    auth: 'reseller',
    response: listOf(paymentAccountView),
  },
  async ({ db, actor }) => ({ data: await listPayeeAccounts(db, actor) }),
);
