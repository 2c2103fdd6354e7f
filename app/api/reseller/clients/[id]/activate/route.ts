// POST /api/reseller/clients/:id/activate {package_type, expected_price?, expected_refund?} — 402 insufficient_credit;
// 409 price_changed when the quote the caller saw moved (nothing is charged)
import { api } from '@/lib/http/families';
import { activatePackage } from '@/lib/services/activation';
import { activateInput } from '@/lib/validation/clients';
import { activationResult } from '@/lib/validation/responses/billing';

export const POST = api(
  {
    summary: 'Activate, renew or switch the package',
    auth: 'reseller',
    body: activateInput,
    status: 201,
    idempotent: true,
    response: activationResult,
    errors: [402, 409],
  },
  ({ db, actor, id, body }) => activatePackage(db, actor, id, body),
);
