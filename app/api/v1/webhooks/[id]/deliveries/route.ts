// GET /api/v1/webhooks/:id/deliveries — the delivery log (latest 50)
import { api } from '@/lib/http/families';
import { listDeliveries } from '@/lib/services/webhooks';
import { listOf } from '@/lib/validation/responses/common';
import { deliveryView } from '@/lib/validation/responses/messaging';

export const GET = api({ summary: 'Delivery log', auth: 'client', response: listOf(deliveryView) }, async ({ db, actor, id }) => ({
  data: await listDeliveries(db, actor, id),
}));
