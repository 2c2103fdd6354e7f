// GET /api/mobile/v1/webhooks — the app posts incoming SMS (sms:received) to the URL we give it here, and
// each event of the client's app webhooks (3rd-party /webhooks) to that webhook's URL
import { mobile } from '@/lib/http/families';
import { publicOrigin } from '@/lib/http/origin';
import { inboundSignature } from '@/lib/http/pipeline/gateway-auth';
import { listAppWebhooks } from '@/lib/services/app-webhooks';
import { appWebhooks } from '@/lib/validation/responses/gateway-app';

export const GET = mobile(
  { summary: 'Where the app posts incoming SMS', auth: 'device', response: appWebhooks },
  async ({ req, db, device }) => [
    {
      id: `inbound-${device.id}`,
      deviceId: device.id,
      url: `${publicOrigin(req)}/api/mobile/v1/inbound/${device.id}?sig=${inboundSignature(device.id)}`,
      event: 'sms:received',
    },
    {
      id: `inbound-data-${device.id}`,
      deviceId: device.id,
      url: `${publicOrigin(req)}/api/mobile/v1/inbound/${device.id}?sig=${inboundSignature(device.id)}`,
      event: 'sms:data-received',
    },
    // The client's own app webhooks (3rd-party /webhooks): the phone posts those events there itself.
    ...(await listAppWebhooks(db, device.clientId, device.id)),
  ],
);
