// GET /api/reseller/ledger
import { api } from '@/lib/http/families';
import { resellerLedger } from '@/lib/services/credit';
import { ledgerQuery } from '@/lib/validation/credit';
import { ledgerRow } from '@/lib/validation/responses/billing';
import { paged } from '@/lib/validation/responses/common';

export const GET = api(
  { summary: 'Own credit ledger', auth: 'reseller', query: ledgerQuery, response: paged(ledgerRow) },
  ({ db, actor, query }) => resellerLedger(db, actor, actor.userId, query),
);
