// GET /reseller/credit/ledger.csv?kind=&from=&to= — the reseller's own filtered credit ledger as a CSV
// download (reseller browser session). Streams batch by batch, so a ledger of any length never sits in memory.
import { requireRole } from '@/lib/auth/session';
import { ledgerCsv } from '@/lib/http/csv-download';
import { errorResponse } from '@/lib/http/errors';
import { compactParams } from '@/lib/http/search-params';
import { resellerLedgerExport } from '@/lib/services/ledger-export';
import { getSettings } from '@/lib/services/settings';
import { zonedDayRange, zonedToday } from '@/lib/time';
import { ledgerFilterQuery } from '@/lib/validation/reseller-forms';

export const dynamic = 'force-dynamic';

export async function GET(req: Request): Promise<Response> {
  const { db, actor } = await requireRole('reseller');
  try {
    const q = ledgerFilterQuery.parse(compactParams(Object.fromEntries(new URL(req.url).searchParams)));
    const tz = (await getSettings(db)).time_zone;
    const batches = await resellerLedgerExport(db, actor, actor.userId, { kind: q.kind, ...zonedDayRange(q.from, q.to, tz) });
    return ledgerCsv(`ledger-${zonedToday(tz)}.csv`, batches, tz);
  } catch (err) {
    return errorResponse(err);
  }
}
