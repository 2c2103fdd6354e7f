// GET /api/mobile/v1/webhooks — the app posts incoming SMS (sms:received) to the URL we give it here
import { mobile } from '@/lib/http/families';
import { publicOrigin } from '@/lib/http/origin';
import { inboundSignature } from '@/lib/http/pipeline/gateway-auth';
import { appWebhooks } from '@/lib/validation/responses/gateway-app';

export const GET = mobile(
  { summary: 'Where the app posts incoming SMS', auth: 'device', response: appWebhooks },
  async ({ req, device }) => [
    {
      id: `inbound-${device.id}`,
      deviceId: device.id,
      url: `${publicOrigin(req)}/api/mobile/v1/inbound/${device.id}?sig=${inboundSignature(device.id)}`,
      event: 'sms:received' as const,
    },
  ],
);
