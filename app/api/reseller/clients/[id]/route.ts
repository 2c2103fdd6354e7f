// GET|PATCH /api/reseller/clients/:id
import { api } from '@/lib/http/families';
import { getClient, updateClient } from '@/lib/services/clients';
import { updateClientInput } from '@/lib/validation/clients';
import { clientView } from '@/lib/validation/responses/accounts';

export const GET = api({ summary: 'View a client', auth: 'reseller', response: clientView }, ({ db, actor, id }) =>
  getClient(db, actor, id),
);

export const PATCH = api(
  { summary: 'Update a client', auth: 'reseller', body: updateClientInput, response: clientView, errors: [409] },
  ({ db, actor, id, body }) => updateClient(db, actor, id, body),
);
