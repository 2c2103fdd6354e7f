// GET /api/admin/resellers/:id/ledger
import { withApi } from '@/lib/http/api';
import { resellerLedger } from '@/lib/services/credit';
import { ledgerQuery } from '@/lib/validation/credit';

export const GET = withApi({ auth: 'admin', query: ledgerQuery }, ({ db, actor, id, query }) => resellerLedger(db, actor, id, query));
