// A ledger page in the shared DataList: signed amounts, balance after, the client an entry is about
// (linked), method, reference and note.
import Link from 'next/link';
import { formatDateTime, formatMoney } from '@/lib/format';
import type { LedgerRow } from '@/lib/services/ledger';
import { type Column, DataList, type ListNav, type ListPage } from './data-list';

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

export function LedgerTable({
  rows,
  clientHref,
  page,
  nav,
  filters,
  empty = { title: 'No ledger entries yet.' },
}: {
  rows: LedgerRow[];
  /** Where a client's name links to (the reseller's client page); without it the name is plain text. */
  clientHref?: (clientId: number) => string;
  page?: ListPage;
  nav?: ListNav;
  filters?: React.ReactNode;
  empty?: { title: string; body?: React.ReactNode };
}) {
  const columns: Column<LedgerRow>[] = [
    { key: 'when', header: 'When', className: 'whitespace-nowrap', cell: (r) => formatDateTime(r.created_at) },
    { key: 'kind', header: 'Kind', cell: (r) => KIND_LABEL[r.kind] ?? r.kind },
    {
      key: 'client',
      header: 'Client',
      cell: (r) =>
        r.client_id === null ? (
          '—'
        ) : clientHref ? (
          <Link href={clientHref(r.client_id)} className="text-brand-700 hover:underline" data-testid="ledger-client">
            {r.client_name ?? `#${r.client_id}`}
          </Link>
        ) : (
          <span data-testid="ledger-client">{r.client_name ?? `#${r.client_id}`}</span>
        ),
    },
    {
      key: 'amount',
      header: 'Amount',
      align: 'right',
      className: 'whitespace-nowrap',
      cell: (r) => (
        <span className={r.amount < 0 ? 'text-red-700' : 'text-emerald-700'}>
          {r.amount > 0 ? '+' : '−'}
          {formatMoney(Math.abs(r.amount))}
        </span>
      ),
    },
    { key: 'balance', header: 'Balance after', align: 'right', className: 'whitespace-nowrap', cell: (r) => formatMoney(r.balance_after) },
    {
      key: 'ref',
      header: 'Reference / note',
      from: 'lg',
      cell: (r) => <span className="text-slate-600">{[r.method, r.reference, r.note].filter(Boolean).join(' · ') || '—'}</span>,
    },
  ];
  return (
    <DataList
      rows={rows}
      columns={columns}
      rowKey={(r) => r.id}
      testId="ledger-table"
      caption="Ledger"
      page={page}
      nav={nav}
      filters={filters}
      empty={empty}
    />
  );
}
