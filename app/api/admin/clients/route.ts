// GET /api/admin/clients?search=&status=&reseller_id=
import { withApi } from '@/lib/http/api';
import { listClients } from '@/lib/services/clients';
import { listClientsQuery } from '@/lib/validation/clients';

export const GET = withApi({ auth: 'admin', query: listClientsQuery }, ({ db, actor, query }) => listClients(db, actor, query));
