// POST /api/v1/activate {package_type} — the client renews or activates its own package from its balance
import { api } from '@/lib/http/families';
import { activatePackage } from '@/lib/services/activation';
import { activateInput } from '@/lib/validation/clients';
import { activationResult } from '@/lib/validation/responses/billing';

export const POST = api(
  {
    summary: 'Activate or renew own package from own balance',
    auth: 'client',
    body: activateInput,
    status: 201,
    idempotent: true,
    response: activationResult,
    errors: [402, 409],
  },
  ({ db, actor, body }) => activatePackage(db, actor, actor.userId, body),
);
