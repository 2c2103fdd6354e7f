// GET /api/admin/clients?search=&status=&reseller_id=
import { api } from '@/lib/http/families';
import { listClients } from '@/lib/services/clients';
import { listClientsQuery } from '@/lib/validation/clients';
import { clientView } from '@/lib/validation/responses/accounts';
import { paged } from '@/lib/validation/responses/common';

export const GET = api(
  { summary: 'Every client across resellers', auth: 'admin', query: listClientsQuery, response: paged(clientView) },
  ({ db, actor, query }) => listClients(db, actor, query),
);
