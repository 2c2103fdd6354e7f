// PATCH /api/mobile/v1/user/password — the app's change-password screen: a new gateway password
import { mobile } from '@/lib/http/families';
import { changeGatewayPassword } from '@/lib/services/gateway-credentials';
import { passwordChangeBody } from '@/lib/validation/mobile';

// 204; 401 wrong current password; 400 a new password under 14 characters.
export const PATCH = mobile(
  {
    summary: 'Change the gateway password (device token; the current password)',
    auth: 'device',
    body: passwordChangeBody,
    status: 204,
    response: null,
  },
  async ({ db, device, body }) => {
    await changeGatewayPassword(db, device.clientId, body);
    return null;
  },
);
