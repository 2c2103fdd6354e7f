// GET /reseller/credit/ledger.csv?kind=&from=&to= — the reseller's own filtered credit ledger as a CSV
// download (reseller browser session). Streams batch by batch, so a ledger of any length never sits in memory.
import { ledgerCsv } from '@/lib/http/csv-download';
import { portal } from '@/lib/http/families';
import { formQuery } from '@/lib/http/search-params';
import { resellerLedgerExport } from '@/lib/services/ledger-export';
import { getSettings } from '@/lib/services/settings';
import { zonedDayRange, zonedToday } from '@/lib/time';
import { ledgerFilterQuery } from '@/lib/validation/reseller-forms';

export const dynamic = 'force-dynamic';

export const GET = portal(
  {
    summary: 'Own filtered credit ledger as CSV',
    auth: 'reseller',
    query: formQuery(ledgerFilterQuery),
    response: null,
    contentType: 'text/csv',
    hidden: true,
  },
  async ({ db, actor, query }) => {
    const tz = (await getSettings(db)).time_zone;
    const batches = await resellerLedgerExport(db, actor, actor.userId, { kind: query.kind, ...zonedDayRange(query.from, query.to, tz) });
    return ledgerCsv(`ledger-${zonedToday(tz)}.csv`, batches, tz);
  },
);
