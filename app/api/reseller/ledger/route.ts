// GET /api/reseller/ledger
import { withApi } from '@/lib/http/api';
import { resellerLedger } from '@/lib/services/credit';
import { ledgerQuery } from '@/lib/validation/credit';

export const GET = withApi({ auth: 'reseller', query: ledgerQuery }, ({ db, actor, query }) =>
  resellerLedger(db, actor, actor.userId, query),
);
