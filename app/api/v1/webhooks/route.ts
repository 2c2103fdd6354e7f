// GET|POST /api/v1/webhooks {url, events[]} → 201 with the signing secret (shown once)
import { withApi } from '@/lib/http/api';
import { createWebhook, listWebhooks } from '@/lib/services/webhooks';
import { webhookInput } from '@/lib/validation/gateway';

export const GET = withApi({ auth: 'client' }, async ({ db, actor }) => ({ data: await listWebhooks(db, actor) }));

export const POST = withApi({ auth: 'client', body: webhookInput, status: 201 }, ({ db, actor, body }) => createWebhook(db, actor, body));
