// GET|POST /api/reseller/clients
import { withApi } from '@/lib/http/api';
import { createClient, listClients } from '@/lib/services/clients';
import { createClientInput, listClientsQuery } from '@/lib/validation/clients';

export const GET = withApi({ auth: 'reseller', query: listClientsQuery }, ({ db, actor, query }) => listClients(db, actor, query));

export const POST = withApi({ auth: 'reseller', body: createClientInput, status: 201 }, ({ db, actor, body }) =>
  createClient(db, actor, body),
);
