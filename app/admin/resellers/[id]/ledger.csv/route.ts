// GET /admin/resellers/:id/ledger.csv?kind=&from=&to= — the filtered credit ledger as a CSV download
// (admin browser session). Streams batch by batch, so a ledger of any length never sits in memory.
import { requireRole } from '@/lib/auth/session';
import { ledgerCsv } from '@/lib/http/csv-download';
import { errorResponse } from '@/lib/http/errors';
import { compactParams } from '@/lib/http/search-params';
import { resellerLedgerExport } from '@/lib/services/ledger-export';
import { getReseller } from '@/lib/services/resellers';
import { getSettings } from '@/lib/services/settings';
import { zonedDayRange, zonedToday } from '@/lib/time';
import { idParam } from '@/lib/validation/common';
import { ledgerFilterQuery } from '@/lib/validation/reseller-forms';

export const dynamic = 'force-dynamic';

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { db, actor } = await requireRole('admin');
  try {
    const id = idParam.parse((await params).id);
    const q = ledgerFilterQuery.parse(compactParams(Object.fromEntries(new URL(req.url).searchParams)));
    const [reseller, settings] = await Promise.all([getReseller(db, actor, id), getSettings(db)]);
    const tz = settings.time_zone;
    const batches = await resellerLedgerExport(db, actor, id, { kind: q.kind, ...zonedDayRange(q.from, q.to, tz) });
    return ledgerCsv(`ledger-${reseller.subdomain.replace(/[^a-z0-9-]/g, '') || reseller.id}-${zonedToday(tz)}.csv`, batches, tz);
  } catch (err) {
    return errorResponse(err);
  }
}
