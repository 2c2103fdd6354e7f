// DELETE /api/3rdparty/v1/webhooks/:id — remove an app webhook; the phones are told with WebhooksUpdated
import { thirdparty } from '@/lib/http/families';
import { deleteAppWebhook } from '@/lib/services/app-webhooks';

export const DELETE = thirdparty(
  { summary: 'Delete an app webhook', auth: 'webhooks:delete', id: 'text', status: 204, response: null, errors: [403] },
  async ({ db, actor, textId }) => {
    await deleteAppWebhook(db, actor.userId, textId);
    return null;
  },
);
