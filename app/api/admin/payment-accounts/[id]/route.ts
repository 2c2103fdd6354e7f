// GET|PATCH /api/admin/payment-accounts/:id — one platform payment account; qr_image: null removes the QR code
import { api } from '@/lib/http/families';
import { getOwnPaymentAccount, updatePaymentAccount } from '@/lib/services/payment-accounts';
import { IMAGE_BODY_LIMIT } from '@/lib/validation/image-rules';
import { updatePaymentAccountInput } from '@/lib/validation/payments';
import { paymentAccountView } from '@/lib/validation/responses/billing';

export const GET = api({ summary: 'One platform payment account', auth: 'admin', response: paymentAccountView }, ({ db, actor, id }) =>
  getOwnPaymentAccount(db, actor, id),
);

export const PATCH = api(
  {
    summary: 'Edit, enable or disable a platform payment account',
    auth: 'admin',
    body: updatePaymentAccountInput,
    bodyLimit: IMAGE_BODY_LIMIT,
    response: paymentAccountView,
  },
  ({ db, actor, id, body }) => updatePaymentAccount(db, actor, id, body),
);
