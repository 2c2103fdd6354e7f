// POST /api/reseller/clients/:id/suspend
import { api } from '@/lib/http/families';
import { setClientSuspended } from '@/lib/services/clients';
import { clientView } from '@/lib/validation/responses/accounts';

export const POST = api({ summary: 'Suspend a client', auth: 'reseller', response: clientView }, ({ db, actor, id }) =>
  setClientSuspended(db, actor, id, true),
);
