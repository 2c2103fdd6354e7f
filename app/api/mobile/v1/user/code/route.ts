// GET /api/mobile/v1/user/code (Basic: gateway login) → {code, validUntil}: a one-time code to add another phone
import { mobile } from '@/lib/http/families';
import { issuePairingCode } from '@/lib/services/gateway-credentials';
import { userCode } from '@/lib/validation/responses/gateway-app';

export const GET = mobile(
  { summary: 'One-time code to add another phone (Basic gateway login)', auth: 'gateway', response: userCode, errors: [403] },
  async ({ db, actor }) => {
    const { code, valid_until } = await issuePairingCode(db, actor.userId);
    return { code, validUntil: valid_until };
  },
);
