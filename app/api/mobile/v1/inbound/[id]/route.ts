// POST /api/mobile/v1/inbound/:deviceId?sig=…[&hook=…] — the app's webhook posts to us (URLs from GET
// /webhooks, signed per device): sms:received / sms:data-received are stored; with `hook` (a registration of
// the 3rd-party /webhooks) the event is relayed to the registered URL (lib/services/app-webhook-relay.ts).
import { and, eq, isNull } from 'drizzle-orm';
import { devices } from '@/db/schema';
import { fieldError, notFound } from '@/lib/errors';
import { mobile } from '@/lib/http/families';
import { relayAppEvent } from '@/lib/services/app-webhook-relay';
import { recordInbound } from '@/lib/services/inbound';
import { inboundBody } from '@/lib/validation/mobile';

export const POST = mobile(
  {
    summary: "The app's webhook posts: sms:received / sms:data-received stored, `hook` events relayed (signed per device)",
    auth: 'inbound',
    id: 'text',
    body: inboundBody,
    status: 204,
    response: null,
  },
  async ({ req, db, textId, body }) => {
    const hook = new URL(req.url).searchParams.get('hook');
    if (hook) {
      const [d] = await db
        .select({ id: devices.id, clientId: devices.clientId })
        .from(devices)
        .where(and(eq(devices.id, textId), isNull(devices.removedAt)));
      if (!d) throw notFound('Device');
      await relayAppEvent(db, d, hook, body);
      return null;
    }
    if (body.event !== 'sms:received' && body.event !== 'sms:data-received') return null;
    if (!body.payload.phoneNumber) throw fieldError('payload.phoneNumber', 'phoneNumber is required.');
    const data = body.event === 'sms:data-received';
    await recordInbound(db, textId, {
      phone: body.payload.phoneNumber,
      text: (data ? body.payload.data : body.payload.message) ?? '',
      receivedAt: body.payload.receivedAt,
      eventId: body.id,
      kind: data ? 'data' : 'sms',
    });
    return null;
  },
);
