// GET /api/v1/webhooks/:id/deliveries — the delivery log (latest 50)
import { withApi } from '@/lib/http/api';
import { listDeliveries } from '@/lib/services/webhooks';

export const GET = withApi({ auth: 'client' }, async ({ db, actor, id }) => ({ data: await listDeliveries(db, actor, id) }));
