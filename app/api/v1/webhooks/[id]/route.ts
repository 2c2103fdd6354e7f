// PATCH|DELETE /api/v1/webhooks/:id
import { withApi } from '@/lib/http/api';
import { deleteWebhook, updateWebhook } from '@/lib/services/webhooks';
import { webhookUpdateInput } from '@/lib/validation/gateway';

export const PATCH = withApi({ auth: 'client', body: webhookUpdateInput }, ({ db, actor, id, body }) => updateWebhook(db, actor, id, body));

export const DELETE = withApi({ auth: 'client' }, ({ db, actor, id }) => deleteWebhook(db, actor, id));
