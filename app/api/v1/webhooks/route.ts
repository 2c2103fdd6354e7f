// GET|POST /api/v1/webhooks {url, events[]} → 201 with the signing secret (shown once)
import { api } from '@/lib/http/families';
import { createWebhook, listWebhooks } from '@/lib/services/webhooks';
import { webhookInput } from '@/lib/validation/gateway';
import { listOf } from '@/lib/validation/responses/common';
import { webhookCreated, webhookView } from '@/lib/validation/responses/messaging';

export const GET = api({ summary: 'List webhooks', auth: 'client', response: listOf(webhookView) }, async ({ db, actor }) => ({
  data: await listWebhooks(db, actor),
}));

export const POST = api(
  { summary: 'Add a webhook (secret shown once)', auth: 'client', body: webhookInput, status: 201, response: webhookCreated },
  ({ db, actor, body }) => createWebhook(db, actor, body),
);
