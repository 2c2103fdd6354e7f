import 'server-only';
import { type Db, getDb } from '@/db';
import type { MessageState } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { DomainError } from '@/lib/errors';
import { clientFromGatewayLogin } from '@/lib/services/gateway-credentials';
import type { MessageView } from '@/lib/services/messages';
import { clientIp } from './api';
import { assertStorableText, isStorableText } from './errors';
import { mobileError, registrationAuth } from './mobile';

// The 3rd-party API of SMS Gateway for Android, so its official client libraries send through us:
// Basic auth with the gateway login and password, the app server's MessageState shape.

export const TO_APP: Record<MessageState, string> = {
  pending: 'Pending',
  processing: 'Processed',
  sent: 'Sent',
  delivered: 'Delivered',
  failed: 'Failed',
  expired: 'Failed',
  unknown: 'Processed',
  cancelled: 'Cancelled',
};
export const FROM_APP_FILTER: Record<string, MessageState[]> = {
  Pending: ['pending'],
  Processed: ['processing', 'unknown'],
  Sent: ['sent'],
  Delivered: ['delivered'],
  Failed: ['failed', 'expired'],
  Cancelled: ['cancelled'],
};

export function messageState(m: MessageView) {
  const states: Record<string, string> = {};
  for (const [k, v] of Object.entries(m.states)) if (k in TO_APP) states[TO_APP[k as MessageState]] = v;
  return {
    id: m.id,
    deviceId: m.device_id,
    state: TO_APP[m.state],
    isHashed: false,
    isEncrypted: false,
    recipients: m.recipients.map((r) => ({
      phoneNumber: r.phone,
      state: TO_APP[r.state],
      ...(r.error ? { error: r.error } : r.state === 'expired' ? { error: 'expired before a device took it' } : {}),
    })),
    states,
    textMessage: { text: m.message },
  };
}

export function withGatewayClient(
  handler: (ctx: { req: Request; db: Db; actor: Actor; params: Record<string, string> }) => Promise<Response>,
) {
  return async (req: Request, route?: { params: Promise<Record<string, string | string[]>> }): Promise<Response> => {
    try {
      const auth = registrationAuth(req.headers.get('authorization'));
      if (auth.kind !== 'basic') throw new DomainError('unauthorized', 'Use Basic auth with your gateway login and password.');
      const db = await getDb();
      const clientId = await clientFromGatewayLogin(db, auth.login, auth.password);
      if (clientId === null) throw new DomainError('unauthorized', 'Invalid gateway login or password.');
      const raw = route?.params ? await route.params : {};
      const params = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join('/') : v]));
      // An id the database cannot compare (NUL) names nothing; the list's filters are refused the same way.
      if (Object.values(params).some((v) => !isStorableText(v))) throw new DomainError('not_found', 'Message not found.');
      assertStorableText(Object.fromEntries(new URL(req.url).searchParams));
      return await handler({ req, db, actor: { userId: clientId, role: 'client', ip: clientIp(req) }, params });
    } catch (err) {
      return mobileError(err);
    }
  };
}
