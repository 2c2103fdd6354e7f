// GET|POST /api/reseller/own-payment-accounts — the reseller's own payment accounts (where its clients pay it)
import { api } from '@/lib/http/families';
import { createPaymentAccount, listOwnPaymentAccounts } from '@/lib/services/payment-accounts';
import { IMAGE_BODY_LIMIT } from '@/lib/validation/image-rules';
import { createPaymentAccountInput } from '@/lib/validation/payments';
import { paymentAccountView } from '@/lib/validation/responses/billing';
import { listOf } from '@/lib/validation/responses/common';

export const GET = api(
  { summary: 'Own payment accounts (disabled ones too)', auth: 'reseller', response: listOf(paymentAccountView) },
  async ({ db, actor }) => ({ data: await listOwnPaymentAccounts(db, actor) }),
);

export const POST = api(
  {
    summary: 'Add an own payment account {method, account_name, account_number, qr_image?, instructions?, enabled?}',
    auth: 'reseller',
    body: createPaymentAccountInput,
    bodyLimit: IMAGE_BODY_LIMIT,
    status: 201,
    response: paymentAccountView,
  },
  ({ db, actor, body }) => createPaymentAccount(db, actor, body),
);
