// POST /api/mobile/v1/inbound/:deviceId?sig=… — the app's sms:received webhook, signed per device by us
import { mobile } from '@/lib/http/families';
import { recordInbound } from '@/lib/services/inbound';
import { inboundBody } from '@/lib/validation/mobile';

export const POST = mobile(
  {
    summary: "The app's sms:received / sms:data-received webhook (URL from GET /webhooks, signed per device)",
    auth: 'inbound',
    id: 'text',
    body: inboundBody,
    status: 204,
    response: null,
  },
  async ({ db, textId, body }) => {
    if (body.event !== 'sms:received' && body.event !== 'sms:data-received') return null;
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
