// GET /reseller/credit/ledger.csv?kind=&from=&to= — the reseller's own filtered credit ledger as a CSV
// download (reseller browser session). Streams batch by batch, so a ledger of any length never sits in memory.
import { requireRole } from '@/lib/auth/session';
import { csvLine } from '@/lib/csv';
import { formatDateTime } from '@/lib/format';
import { errorResponse } from '@/lib/http/errors';
import { compactParams } from '@/lib/http/search-params';
import { resellerLedgerExport } from '@/lib/services/ledger-export';
import { getSettings } from '@/lib/services/settings';
import { zonedDayRange } from '@/lib/time';
import { ledgerFilterQuery } from '@/lib/validation/reseller-forms';

export const dynamic = 'force-dynamic';

const HEADER = ['id', 'created_at_utc', 'local_time', 'kind', 'amount', 'balance_after', 'method', 'reference', 'note', 'client_id', 'subscription_id'];

export async function GET(req: Request): Promise<Response> {
  const { db, actor } = await requireRole('reseller');
  try {
    const q = ledgerFilterQuery.parse(compactParams(Object.fromEntries(new URL(req.url).searchParams)));
    const tz = (await getSettings(db)).time_zone;
    const batches = await resellerLedgerExport(db, actor, actor.userId, { kind: q.kind, ...zonedDayRange(q.from, q.to, tz) });
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        // A byte-order mark so that spreadsheet apps read Myanmar text in notes as UTF-8.
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(HEADER)}`));
      },
      async pull(controller) {
        try {
          const next = await batches.next();
          if (next.done) {
            controller.close();
            return;
          }
          controller.enqueue(encoder.encode(next.value.map((r) => csvLine([
            r.id, r.created_at, formatDateTime(r.created_at, tz), r.kind, r.amount, r.balance_after,
            r.method, r.reference, r.note, r.client_id, r.subscription_id,
          ])).join('')));
        } catch (err) {
          console.error('reseller ledger CSV export failed:', err);
          controller.error(err);
        }
      },
      async cancel() {
        await batches.return(undefined);
      },
    });
    return new Response(stream, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="ledger-${new Date().toISOString().slice(0, 10)}.csv"`,
        'cache-control': 'no-store',
      },
    });
  } catch (err) {
    return errorResponse(err);
  }
}
