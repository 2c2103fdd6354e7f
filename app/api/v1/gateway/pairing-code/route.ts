// POST /api/v1/gateway/pairing-code → 201 {code, valid_until}: a one-time code for "Authorization: Code <code>"
import { assertCan } from '@/lib/auth/permissions';
import { api } from '@/lib/http/families';
import { issuePairingCode } from '@/lib/services/gateway-credentials';
import { pairingCode } from '@/lib/validation/responses/messaging';

export const POST = api(
  { summary: 'A one-time code to pair a phone (10 minutes)', auth: 'client', status: 201, response: pairingCode },
  ({ db, actor }) => {
    assertCan(actor, 'device.manage');
    return issuePairingCode(db, actor.userId);
  },
);
