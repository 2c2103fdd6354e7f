// GET|POST /api/reseller/clients
import { api } from '@/lib/http/families';
import { createClient, listClients } from '@/lib/services/clients';
import { createClientInput, listClientsQuery } from '@/lib/validation/clients';
import { clientView } from '@/lib/validation/responses/accounts';
import { paged } from '@/lib/validation/responses/common';

export const GET = api(
  { summary: 'Own clients with status, package, expiry, usage', auth: 'reseller', query: listClientsQuery, response: paged(clientView) },
  ({ db, actor, query }) => listClients(db, actor, query),
);

export const POST = api(
  { summary: 'Create a client (in trial)', auth: 'reseller', body: createClientInput, status: 201, response: clientView, errors: [409] },
  ({ db, actor, body }) => createClient(db, actor, body),
);
