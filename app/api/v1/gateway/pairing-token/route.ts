// POST /api/v1/gateway/pairing-token → 201 {token}: registers phones only (Bearer on POST /api/mobile/v1/device)
import { api } from '@/lib/http/families';
import { issuePairingToken } from '@/lib/services/gateway-credentials';
import { pairingToken } from '@/lib/validation/responses/messaging';

export const POST = api(
  {
    summary: "A pairing token for the app's private-token field (registers phones only; shown once)",
    auth: 'client',
    status: 201,
    response: pairingToken,
  },
  ({ db, actor }) => issuePairingToken(db, actor),
);
