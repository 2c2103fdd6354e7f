// PATCH|DELETE /api/v1/webhooks/:id
import { api } from '@/lib/http/families';
import { deleteWebhook, updateWebhook } from '@/lib/services/webhooks';
import { webhookUpdateInput } from '@/lib/validation/gateway';
import { webhookDeleted, webhookView } from '@/lib/validation/responses/messaging';

export const PATCH = api(
  { summary: 'Change a webhook', auth: 'client', body: webhookUpdateInput, response: webhookView },
  ({ db, actor, id, body }) => updateWebhook(db, actor, id, body),
);

export const DELETE = api({ summary: 'Delete a webhook', auth: 'client', response: webhookDeleted }, ({ db, actor, id }) =>
  deleteWebhook(db, actor, id),
);
