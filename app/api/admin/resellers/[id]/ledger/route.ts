// GET /api/admin/resellers/:id/ledger
import { api } from '@/lib/http/families';
import { resellerLedger } from '@/lib/services/credit';
import { ledgerQuery } from '@/lib/validation/credit';
import { ledgerRow } from '@/lib/validation/responses/billing';
import { paged } from '@/lib/validation/responses/common';

export const GET = api(
  { summary: "A reseller's credit ledger", auth: 'admin', query: ledgerQuery, response: paged(ledgerRow) },
  ({ db, actor, id, query }) => resellerLedger(db, actor, id, query),
);
