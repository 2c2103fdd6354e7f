// A ledger page in the shared DataList: signed amounts, balance after, the client an entry is about
// (linked), method, reference and note.
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useFormat } from '@/lib/i18n/format';
import type { LedgerRow } from '@/lib/services/ledger';
import { type Column, DataList, type ListNav, type ListPage } from './data-list';

export const LEDGER_KINDS = [
  'topup',
  'adjustment',
  'activation',
  'refund',
  'transfer_out',
  'transfer_in',
  'commission',
  'commission_reversal',
  'commission_payout',
  'commission_conversion',
] as const;
type LedgerKind = (typeof LEDGER_KINDS)[number];

/** A ledger kind in the reader's language (messages "ledger.kind"); an unknown kind reads as its code. */
export function useKindLabel(): (kind: string) => string {
  const t = useTranslations('ledger.kind');
  return (kind) => ((LEDGER_KINDS as readonly string[]).includes(kind) ? t(kind as LedgerKind) : kind);
}

export function LedgerTable({
  rows,
  clientHref,
  page,
  nav,
  filters,
  empty,
}: {
  rows: LedgerRow[];
  /** Where a client's name links to (the reseller's client page); without it the name is plain text. */
  clientHref?: (clientId: number) => string;
  page?: ListPage;
  nav?: ListNav;
  filters?: React.ReactNode;
  empty?: { title: string; body?: React.ReactNode };
}) {
  const t = useTranslations('ledger');
  const f = useFormat();
  const kindLabel = useKindLabel();
  const tm = useTranslations('payments.method');
  const methodLabel = (m: string) => (tm.has(m as 'other') ? tm(m as 'other') : m);
  // The notes the activation service writes itself, in the reader's language; a person's note stays as typed.
  const noteLabel = (note: string) => {
    const act = /^(.+) \((new|renewal|switch)\)$/.exec(note);
    if (act) return t('note.activation', { name: act[1], kind: t(`note.${act[2] as 'new'}`) });
    const refund = /^(\d+) unused day\(s\) of (.+)$/.exec(note);
    if (refund) return t('note.refund', { days: Number(refund[1]), name: refund[2] });
    return note;
  };
  const columns: Column<LedgerRow>[] = [
    { key: 'when', header: t('when'), className: 'whitespace-nowrap', cell: (r) => f.dateTime(r.created_at) },
    { key: 'kind', header: t('kindHeader'), cell: (r) => kindLabel(r.kind) },
    {
      key: 'client',
      header: t('client'),
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
      header: t('amount'),
      align: 'right',
      className: 'whitespace-nowrap',
      cell: (r) => (
        <span className={r.amount < 0 ? 'text-red-700' : 'text-emerald-700'}>
          {r.amount > 0 ? '+' : '−'}
          {f.money(Math.abs(r.amount))}
        </span>
      ),
    },
    { key: 'balance', header: t('balanceAfter'), align: 'right', className: 'whitespace-nowrap', cell: (r) => f.money(r.balance_after) },
    {
      key: 'ref',
      header: t('reference'),
      from: 'lg',
      cell: (r) => (
        <span className="text-slate-600">
          {[r.method && methodLabel(r.method), r.reference, r.note && noteLabel(r.note)].filter(Boolean).join(' · ') || '—'}
        </span>
      ),
    },
  ];
  return (
    <DataList
      rows={rows}
      columns={columns}
      rowKey={(r) => r.id}
      testId="ledger-table"
      caption={t('title')}
      page={page}
      nav={nav}
      filters={filters}
      empty={empty ?? { title: t('empty') }}
    />
  );
}
