// A ledger page as a table: signed amounts, balance after, reference and note.
import { formatDateTime, formatMoney } from '@/lib/format';
import type { LedgerRow } from '@/lib/services/ledger';
import { EmptyState } from './ui';

export const KIND_LABEL: Record<string, string> = {
  topup: 'Top-up',
  adjustment: 'Adjustment',
  activation: 'Activation',
  refund: 'Refund',
  transfer_out: 'Transfer to client',
  transfer_in: 'Transfer from reseller',
  commission: 'Commission',
  commission_reversal: 'Commission reversal',
  commission_payout: 'Commission paid out',
  commission_conversion: 'Commission to credit',
};

export function LedgerTable({ rows }: { rows: LedgerRow[] }) {
  if (!rows.length) return <EmptyState title="No ledger entries yet." />;
  return (
    <div className="-mx-4 overflow-x-auto sm:mx-0">
      <table className="min-w-full text-sm" data-testid="ledger-table">
        <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-4 py-2 font-medium sm:px-2">When</th>
            <th className="px-2 py-2 font-medium">Kind</th>
            <th className="px-2 py-2 text-right font-medium">Amount</th>
            <th className="hidden px-2 py-2 text-right font-medium sm:table-cell">Balance after</th>
            <th className="hidden px-2 py-2 font-medium md:table-cell">Reference / note</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="whitespace-nowrap px-4 py-2 sm:px-2">{formatDateTime(r.created_at)}</td>
              <td className="px-2 py-2">{KIND_LABEL[r.kind] ?? r.kind}</td>
              <td className={`whitespace-nowrap px-2 py-2 text-right tabular-nums ${r.amount < 0 ? 'text-red-700' : 'text-emerald-700'}`}>
                {r.amount > 0 ? '+' : '−'}
                {formatMoney(Math.abs(r.amount))}
              </td>
              <td className="hidden whitespace-nowrap px-2 py-2 text-right tabular-nums sm:table-cell">{formatMoney(r.balance_after)}</td>
              <td className="hidden px-2 py-2 text-slate-600 md:table-cell">
                {[r.method, r.reference, r.note].filter(Boolean).join(' · ') || '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
