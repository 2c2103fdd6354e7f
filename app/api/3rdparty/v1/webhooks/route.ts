// GET|POST /api/3rdparty/v1/webhooks — the app's own webhooks (the phones post the event to us, we relay it:
// lib/services/app-webhook-relay.ts). POST answers 201 with the webhook, as the app server.
import { z } from 'zod';
import { thirdparty } from '@/lib/http/families';
import { listAppWebhooks, saveAppWebhook } from '@/lib/services/app-webhooks';
import { appWebhook } from '@/lib/validation/responses/gateway-app';
import { appWebhookInput } from '@/lib/validation/thirdparty';

export const GET = thirdparty(
  { summary: "The app's webhooks", auth: 'webhooks:list', response: z.array(appWebhook), errors: [403] },
  async ({ db, actor }) => listAppWebhooks(db, actor.userId),
);

export const POST = thirdparty(
  {
    summary: 'Register (or replace by id) an app webhook; the phones are told with WebhooksUpdated',
    auth: 'webhooks:write',
    body: appWebhookInput,
    status: 201,
    response: appWebhook,
    errors: [403],
  },
  async ({ db, actor, body }) => saveAppWebhook(db, actor.userId, body),
);
