// GET|PATCH /api/reseller/own-payment-accounts/:id — one own payment account; qr_image: null removes the QR code
import { api } from '@/lib/http/families';
import { getOwnPaymentAccount, updatePaymentAccount } from '@/lib/services/payment-accounts';
import { IMAGE_BODY_LIMIT } from '@/lib/validation/image-rules';
import { updatePaymentAccountInput } from '@/lib/validation/payments';
import { paymentAccountView } from '@/lib/validation/responses/billing';

export const GET = api({ summary: 'One own payment account', auth: 'reseller', response: paymentAccountView }, ({ db, actor, id }) =>
  getOwnPaymentAccount(db, actor, id),
);

export const PATCH = api(
  {
    summary: 'Edit, enable or disable an own payment account',
    auth: 'reseller',
    body: updatePaymentAccountInput,
    bodyLimit: IMAGE_BODY_LIMIT,
    response: paymentAccountView,
  },
  ({ db, actor, id, body }) => updatePaymentAccount(db, actor, id, body),
);
