// GET /admin/resellers/:id/ledger.csv?kind=&from=&to= — the filtered credit ledger as a CSV download
// (admin browser session). Streams batch by batch, so a ledger of any length never sits in memory.
import { ledgerCsv } from '@/lib/http/csv-download';
import { portal } from '@/lib/http/families';
import { formQuery } from '@/lib/http/search-params';
import { resellerLedgerExport } from '@/lib/services/ledger-export';
import { getReseller } from '@/lib/services/resellers';
import { getSettings } from '@/lib/services/settings';
import { zonedDayRange, zonedToday } from '@/lib/time';
import { ledgerFilterQuery } from '@/lib/validation/reseller-forms';

export const dynamic = 'force-dynamic';

export const GET = portal(
  {
    summary: "A reseller's filtered credit ledger as CSV",
    auth: 'admin',
    query: formQuery(ledgerFilterQuery),
    response: null,
    contentType: 'text/csv',
    hidden: true,
  },
  async ({ db, actor, id, query }) => {
    const [reseller, settings] = await Promise.all([getReseller(db, actor, id), getSettings(db)]);
    const tz = settings.time_zone;
    const batches = await resellerLedgerExport(db, actor, id, { kind: query.kind, ...zonedDayRange(query.from, query.to, tz) });
    const name = reseller.subdomain.replace(/[^a-z0-9-]/g, '') || reseller.id;
    return ledgerCsv(`ledger-${name}-${zonedToday(tz)}.csv`, batches, tz);
  },
);
