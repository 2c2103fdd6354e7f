// GET /api/mobile/v1/webhooks — the app posts incoming SMS (sms:received) to the URL we give it here
import { inboundSignature, withDevice } from '@/lib/http/mobile';
import { publicOrigin } from '@/lib/http/origin';

export const GET = withDevice(async ({ req, device }) =>
  Response.json([
    {
      id: `inbound-${device.id}`,
      deviceId: device.id,
      url: `${publicOrigin(req)}/api/mobile/v1/inbound/${device.id}?sig=${inboundSignature(device.id)}`,
      event: 'sms:received',
    },
  ]),
);
