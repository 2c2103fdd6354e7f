// The reseller's credit ledger on its admin page: kind and date filters (a GET form, so the URL holds
// them), one server page of rows, and a CSV download of everything that matches.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { LedgerKindOptions } from '@/components/ledger-kind-options';
import { LedgerTable } from '@/components/ledger-table';
import { Card, inputClass } from '@/components/ui';
import type { Db } from '@/db';
import type { Actor } from '@/lib/auth/permissions';
import { resellerLedger } from '@/lib/services/credit';
import { zonedDayRange } from '@/lib/time';
import type { LedgerQuery } from '@/lib/validation/credit';

/** Kinds a reseller's credit account can carry (commission accrual lives on the commission account). */
const CREDIT_KINDS = ['topup', 'adjustment', 'activation', 'refund', 'transfer_out', 'transfer_in', 'commission_conversion'];

export async function LedgerSection({
  db,
  actor,
  resellerId,
  q,
  timeZone,
}: {
  db: Db;
  actor: Actor;
  resellerId: number;
  /** Filters as typed: from/to are calendar days in the platform time zone. */
  q: LedgerQuery;
  timeZone: string;
}) {
  const [ledger, t] = await Promise.all([
    resellerLedger(db, actor, resellerId, { ...q, ...zonedDayRange(q.from, q.to, timeZone) }),
    getTranslations('admin.ledger'),
  ]);
  const filters = { kind: q.kind, from: q.from, to: q.to };
  const filtered = Boolean(q.kind || q.from || q.to);
  const exportQuery = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => Boolean(e[1]))).toString();
  const base = `/admin/resellers/${resellerId}`;
  return (
    <Card
      title={t('title')}
      className="mt-5"
      actions={
        <a
          href={`${base}/ledger.csv${exportQuery ? `?${exportQuery}` : ''}`}
          className="text-sm font-medium text-brand-700 hover:underline"
          data-testid="ledger-csv"
          download
        >
          {t('exportCsv')}
        </a>
      }
    >
      <form
        method="get"
        action={base}
        className="mb-4 grid grid-cols-2 gap-2 sm:flex sm:flex-wrap sm:items-end"
        aria-label={t('filterLabel')}
      >
        <label className="col-span-2 text-xs font-medium text-slate-600 sm:w-48">
          {t('kind')}
          <select name="kind" defaultValue={q.kind ?? ''} className={`${inputClass} mt-1`}>
            <option value="">{t('allKinds')}</option>
            <LedgerKindOptions kinds={CREDIT_KINDS} />
          </select>
        </label>
        <label className="min-w-0 text-xs font-medium text-slate-600">
          {t('from')}
          <input type="date" name="from" defaultValue={q.from?.slice(0, 10)} className={`${inputClass} mt-1`} />
        </label>
        <label className="min-w-0 text-xs font-medium text-slate-600">
          {t('to')}
          <input type="date" name="to" defaultValue={q.to?.slice(0, 10)} className={`${inputClass} mt-1`} />
        </label>
        <div className="col-span-2 flex items-center gap-3">
          <button type="submit" className="rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50">
            {t('filter')}
          </button>
          {filtered && (
            <Link href={base} className="text-sm text-brand-700 hover:underline">
              {t('clear')}
            </Link>
          )}
        </div>
      </form>
      <LedgerTable
        rows={ledger.data}
        clientHref={(id) =>
          `/admin/clients?reseller_id=${resellerId}&search=${encodeURIComponent(ledger.data.find((r) => r.client_id === id)?.client_name ?? '')}`
        }
        page={ledger.pagination}
        nav={{ basePath: base, query: filters }}
        empty={
          filtered
            ? {
                title: t('noMatch'),
                body: (
                  <Link href={base} className="text-brand-700 underline">
                    {t('showAll')}
                  </Link>
                ),
              }
            : { title: t('empty') }
        }
      />
      <p className="mt-2 text-xs text-slate-500">{t('days', { zone: timeZone })}</p>
    </Card>
  );
}
