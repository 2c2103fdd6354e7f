// GET|PATCH /api/reseller/clients/:id
import { withApi } from '@/lib/http/api';
import { getClient, updateClient } from '@/lib/services/clients';
import { updateClientInput } from '@/lib/validation/clients';

export const GET = withApi({ auth: 'reseller' }, ({ db, actor, id }) => getClient(db, actor, id));

export const PATCH = withApi({ auth: 'reseller', body: updateClientInput }, ({ db, actor, id, body }) => updateClient(db, actor, id, body));
