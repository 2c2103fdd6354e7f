// POST /api/3rdparty/v1/auth/token — a JWT access token with the asked scopes (the app server's TokenResponse)
import { thirdparty } from '@/lib/http/families';
import { issueGatewayToken } from '@/lib/services/gateway-tokens';
import { tokenAnswer } from '@/lib/validation/responses/gateway-app';
import { tokenRequest } from '@/lib/validation/thirdparty';

export const POST = thirdparty(
  {
    summary: 'Issue a JWT access token (scopes, ttl in seconds; Bearer on this API)',
    auth: 'tokens:manage',
    body: tokenRequest,
    status: 201,
    response: tokenAnswer,
    errors: [403],
  },
  async ({ db, actor, body }) => issueGatewayToken(db, actor.userId, body),
);
