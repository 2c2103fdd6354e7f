// GET /api/mobile/v1/webhooks — where the app posts its webhook events: incoming SMS (sms:received,
// sms:data-received) to our inbound receiver, and each registration of the 3rd-party /webhooks to our relay
// receiver under the registration's id; we deliver those to the registered URLs (lib/services/app-webhook-relay.ts).
import { mobile } from '@/lib/http/families';
import { publicOrigin } from '@/lib/http/origin';
import { phoneWebhooks } from '@/lib/services/app-webhook-relay';
import { appWebhooks } from '@/lib/validation/responses/gateway-app';

export const GET = mobile(
  { summary: 'Where the app posts its webhook events (incoming SMS and the relayed registrations)', auth: 'device', response: appWebhooks },
  async ({ req, db, device }) => phoneWebhooks(db, publicOrigin(req), device),
);
