// POST /api/reseller/clients/:id/unsuspend
import { withApi } from '@/lib/http/api';
import { setClientSuspended } from '@/lib/services/clients';

export const POST = withApi({ auth: 'reseller' }, ({ db, actor, id }) => setClientSuspended(db, actor, id, false));
