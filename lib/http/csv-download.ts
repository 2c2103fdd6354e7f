import 'server-only';
import { csvLine } from '@/lib/csv';
import { formatDateTime } from '@/lib/format';
import { logError } from '@/lib/log';
import type { LedgerRow } from '@/lib/services/ledger';

type Cell = Parameters<typeof csvLine>[0][number];

/**
 * A CSV download streamed batch by batch from an async generator, so an export of any length never sits
 * in memory. Starts with a byte-order mark so spreadsheet apps read Myanmar text as UTF-8.
 */
export function csvDownload<T>(filename: string, header: string[], batches: AsyncGenerator<T[]>, toLines: (row: T) => Cell[][]): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${csvLine(header)}`));
    },
    async pull(controller) {
      try {
        const next = await batches.next();
        if (next.done) {
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(next.value.flatMap(toLines).map(csvLine).join('')));
      } catch (err) {
        logError(`CSV export ${filename} failed`, err);
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
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
    },
  });
}

const LEDGER_HEADER = [
  'id',
  'created_at_utc',
  'local_time',
  'kind',
  'amount',
  'balance_after',
  'method',
  'reference',
  'note',
  'client_id',
  'client_name',
  'subscription_id',
];

/** A credit ledger export (admin and reseller portals share it). */
export function ledgerCsv(filename: string, batches: AsyncGenerator<LedgerRow[]>, timeZone: string): Response {
  return csvDownload(filename, LEDGER_HEADER, batches, (r) => [
    [
      r.id,
      r.created_at,
      formatDateTime(r.created_at, timeZone),
      r.kind,
      r.amount,
      r.balance_after,
      r.method,
      r.reference,
      r.note,
      r.client_id,
      r.client_name,
      r.subscription_id,
    ],
  ]);
}
