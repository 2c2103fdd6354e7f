// DELETE /api/3rdparty/v1/auth/token/:jti — revoke an access token at once
import { thirdparty } from '@/lib/http/families';
import { revokeGatewayToken } from '@/lib/services/gateway-tokens';

export const DELETE = thirdparty(
  { summary: 'Revoke an access token', auth: 'tokens:manage', id: 'text', status: 204, response: null, errors: [403] },
  async ({ db, actor, textId }) => {
    await revokeGatewayToken(db, actor.userId, textId);
    return null;
  },
);
