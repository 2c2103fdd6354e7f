import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { DataList } from '@/components/data-list';
import { LedgerKindOptions } from '@/components/ledger-kind-options';
import { LedgerTable } from '@/components/ledger-table';
import { PayeeCard } from '@/components/payments/payee-card';
import { TopupRequestForm } from '@/components/payments/topup-request-form';
import { buttonClass, Card, inputClass, PageHeader, StatCard, StatusBadge } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { compactParams, type RawSearchParams } from '@/lib/http/search-params';
import { getFormat } from '@/lib/i18n/server';
import { resellerLedger } from '@/lib/services/credit';
import { listPayeeAccounts } from '@/lib/services/payment-accounts';
import { resellerProfile } from '@/lib/services/resellers';
import { listTopupRequests } from '@/lib/services/topups';
import { ledgerQuery, listTopupsQuery } from '@/lib/validation/credit';
import { requestCreditAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reseller.credit'))('title') };
}

// Ledger kinds a reseller's credit account can have.
const RESELLER_KINDS = ['topup', 'adjustment', 'activation', 'refund', 'transfer_out', 'transfer_in', 'commission_conversion'];

export default async function ResellerCreditPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { db, actor } = await requireRole('reseller');
  const sp = compactParams(await searchParams);
  // Two lists on one page: `page` pages the requests, `lpage` the ledger.
  const q = listTopupsQuery.safeParse({ page: sp.page, limit: 5 }).data ?? listTopupsQuery.parse({ limit: 5 });
  const lq = ledgerQuery.safeParse({ kind: sp.kind, from: sp.from, to: sp.to, page: sp.lpage, limit: 20 });
  const ledgerFilter = lq.success ? lq.data : ledgerQuery.parse({ limit: 20 });
  const [t, tm, f, profile, requests, ledger, payees] = await Promise.all([
    getTranslations('reseller.credit'),
    getTranslations('payments.method'),
    getFormat(),
    resellerProfile(db, actor),
    listTopupRequests(db, actor, q),
    resellerLedger(db, actor, actor.userId, ledgerFilter),
    listPayeeAccounts(db, actor),
  ]);
  const filters = { kind: ledgerFilter.kind, from: ledgerFilter.from, to: ledgerFilter.to };
  const csv = `/reseller/credit/ledger.csv?${new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => Boolean(e[1]))).toString()}`;
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <div className="mb-5 grid grid-cols-2 gap-3 sm:grid-cols-3">
        <StatCard label={t('creditBalance')} value={f.money(profile.credit_balance)} />
        <StatCard label={t('commission')} value={f.money(profile.commission_balance)} />
      </div>
      <PayeeCard accounts={payees} />
      <div className="grid gap-5 lg:grid-cols-5">
        <Card title={t('requestCredit')} className="lg:col-span-2">
          <TopupRequestForm action={requestCreditAction} accounts={payees} />
        </Card>
        <Card title={t('yourRequests')} className="lg:col-span-3">
          <DataList
            rows={requests.data}
            rowKey={(r) => r.id}
            rowTestId={(r) => `my-topup-${r.id}`}
            testId="my-topups"
            caption={t('requestsCaption')}
            empty={{ title: t('noRequests'), body: t('noRequestsBody') }}
            page={requests.pagination}
            nav={{ basePath: '/reseller/credit', query: { ...filters, lpage: sp.lpage }, keepScroll: true }}
            columns={[
              {
                key: 'amount',
                header: t('amount'),
                className: 'whitespace-nowrap',
                cell: (r) => <span className="font-semibold tabular-nums">{f.money(r.amount)}</span>,
              },
              {
                key: 'payment',
                header: t('payment'),
                cell: (r) => (
                  <span className="break-words text-xs text-slate-600">
                    {r.method ? (tm.has(r.method as 'other') ? tm(r.method as 'other') : r.method) : '—'}
                    {r.reference ? ` · ${r.reference}` : ''}
                  </span>
                ),
              },
              {
                key: 'filed',
                header: t('filed'),
                from: 'md',
                className: 'whitespace-nowrap text-xs',
                cell: (r) => f.dateTime(r.created_at),
              },
              {
                key: 'status',
                header: t('status'),
                cell: (r) => (
                  <div>
                    <StatusBadge status={r.status} />
                    {r.decision_note && (
                      <div className="mt-1 break-words text-xs text-slate-600">
                        {r.status === 'rejected' ? t('reason') : t('note')} {r.decision_note}
                      </div>
                    )}
                  </div>
                ),
              },
            ]}
          />
        </Card>
      </div>
      <Card
        title={t('ledger')}
        className="mt-5"
        actions={
          <a href={csv} className={buttonClass('secondary')} download data-testid="ledger-csv">
            {t('exportCsv')}
          </a>
        }
      >
        <form
          action="/reseller/credit"
          method="get"
          className="mb-4 grid grid-cols-2 gap-2 sm:flex sm:flex-wrap sm:items-end"
          data-testid="ledger-filters"
        >
          <label className="col-span-2 text-sm sm:w-48">
            <span className="mb-1 block text-slate-600">{t('kind')}</span>
            <select name="kind" defaultValue={filters.kind ?? ''} className={inputClass}>
              <option value="">{t('allKinds')}</option>
              <LedgerKindOptions kinds={RESELLER_KINDS} />
            </select>
          </label>
          <label className="min-w-0 text-sm">
            <span className="mb-1 block text-slate-600">{t('from')}</span>
            <input type="date" name="from" defaultValue={filters.from ?? ''} className={inputClass} />
          </label>
          <label className="min-w-0 text-sm">
            <span className="mb-1 block text-slate-600">{t('to')}</span>
            <input type="date" name="to" defaultValue={filters.to ?? ''} className={inputClass} />
          </label>
          <button type="submit" className={`${buttonClass('secondary')} col-span-2 sm:col-span-1`}>
            {t('filter')}
          </button>
          {(filters.kind || filters.from || filters.to) && (
            <Link href="/reseller/credit" className="col-span-2 self-center text-sm text-brand-700 hover:underline sm:col-span-1">
              {t('clear')}
            </Link>
          )}
        </form>
        {!lq.success && (
          <p role="alert" className="mb-3 text-sm text-red-700">
            {t('badDates')}
          </p>
        )}
        <LedgerTable
          rows={ledger.data}
          clientHref={(id) => `/reseller/clients/${id}`}
          page={ledger.pagination}
          nav={{ basePath: '/reseller/credit', query: { ...filters, page: sp.page }, pageParam: 'lpage', keepScroll: true }}
          empty={{
            title: filters.kind || filters.from || filters.to ? t('noLedgerMatch') : t('noLedger'),
          }}
        />
      </Card>
    </>
  );
}
