// GET /api/mobile/v1/user/code (Basic: gateway login) → {code, validUntil}: a one-time code to add another phone
import { getDb } from '@/db';
import { DomainError } from '@/lib/errors';
import { mobileError, registrationAuth } from '@/lib/http/mobile';
import { clientFromGatewayLogin, issuePairingCode } from '@/lib/services/gateway-credentials';

export async function GET(req: Request) {
  try {
    const auth = registrationAuth(req.headers.get('authorization'));
    if (auth.kind !== 'basic') throw new DomainError('unauthorized', 'Use the gateway login and password.');
    const db = await getDb();
    const clientId = await clientFromGatewayLogin(db, auth.login, auth.password);
    if (clientId === null) throw new DomainError('unauthorized', 'Invalid gateway credentials.');
    const { code, valid_until } = await issuePairingCode(db, clientId);
    return Response.json({ code, validUntil: valid_until });
  } catch (err) {
    return mobileError(err);
  }
}
