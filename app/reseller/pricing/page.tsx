// /reseller/pricing — own-plans resellers set what each package sells at (and what it is called) and see
// profit and margin per sale, plus the monthly profit report from actual activations. Commission partners
// see the list prices and the commission each package earns them.
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { DataList } from '@/components/data-list';
import { PriceRow } from '@/components/reseller/price-row';
import { buttonClass, Card, EmptyState, inputClass, PageHeader, StatCard } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { languageOf } from '@/lib/i18n/locales';
import { getFormat } from '@/lib/i18n/server';
import { type ProfitRow, profitReport, resellerCatalog } from '@/lib/services/pricing';
import { resellerProfile } from '@/lib/services/resellers';
import { profitQuery } from '@/lib/validation/branding';
import { setRetailPriceAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reseller.pricing'))('title') };
}

export default async function PricingPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { db, actor } = await requireRole('reseller');
  const sp = await searchParams;
  const pq = profitQuery.safeParse({ month: sp.month || undefined });
  const [t, f, profile, catalog, report] = await Promise.all([
    getTranslations('reseller.pricing'),
    getFormat(),
    resellerProfile(db, actor),
    resellerCatalog(db, actor.userId),
    profitReport(db, actor, pq.success ? pq.data.month : undefined),
  ]);
  const own = profile.partner_type === 'own_plans';
  const formatMoney = f.money;
  const month = monthLabel(report.month, f.locale);
  return (
    <>
      <PageHeader title={t('title')} subtitle={own ? t('subtitleOwn') : t('subtitleCommission', { rate: profile.commission_rate })} />
      {own ? (
        <Card title={t('priceList')}>
          {catalog.length === 0 ? (
            <EmptyState title={t('noPackages')} />
          ) : (
            <>
              <div className="hidden grid-cols-[1.3fr_1fr_1.2fr_1.4fr_1fr_auto] gap-x-3 border-b border-slate-100 pb-2 text-xs font-medium uppercase tracking-wide text-slate-500 md:grid">
                <span>{t('package')}</span>
                <span>{t('yourCost')}</span>
                <span>{t('sellAt')}</span>
                <span>{t('displayName')}</span>
                <span>{t('profitMargin')}</span>
                <span className="w-[4.5rem]" />
              </div>
              <div className="divide-y divide-slate-100" data-testid="price-list">
                {catalog.map((p) => (
                  <PriceRow key={p.package_type} pkg={p} action={setRetailPriceAction} />
                ))}
              </div>
              <p className="mt-3 text-xs text-slate-500">{t('priceListNote')}</p>
            </>
          )}
        </Card>
      ) : (
        <Card title={t('listPrices')}>
          <DataList
            rows={catalog}
            rowKey={(p) => p.package_type}
            testId="commission-table"
            caption={t('listPrices')}
            empty={{ title: t('noPackages') }}
            columns={[
              { key: 'name', header: t('package'), label: false, cell: (p) => <span className="font-medium">{p.name}</span> },
              { key: 'price', header: t('listPrice'), align: 'right', className: 'whitespace-nowrap', cell: (p) => formatMoney(p.cost) },
              {
                key: 'commission',
                header: t('yourCommission'),
                align: 'right',
                className: 'whitespace-nowrap',
                cell: (p) => <span className="text-emerald-700">{formatMoney(p.commission)}</span>,
              },
            ]}
          />
          <p className="mt-3 text-xs text-slate-500">{t('commissionNote', { amount: formatMoney(profile.commission_balance) })}</p>
        </Card>
      )}

      <Card
        title={own ? t('profitIn', { month }) : t('activationsIn', { month })}
        className="mt-5"
        actions={
          <form method="get" action="/reseller/pricing" className="flex items-center gap-2">
            <label htmlFor="month" className="sr-only">
              {t('month')}
            </label>
            <input id="month" type="month" name="month" defaultValue={report.month} className={`${inputClass} w-40`} />
            <button type="submit" className={buttonClass('secondary')}>
              {t('show')}
            </button>
          </form>
        }
      >
        {!pq.success && (
          <p role="alert" className="mb-3 text-sm text-red-700">
            {t('badMonth')}
          </p>
        )}
        <div className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-4">
          <StatCard label={t('activations')} value={f.number(report.totals.activations)} />
          <StatCard label={t('cost')} value={formatMoney(report.totals.cost)} />
          {own && <StatCard label={t('billedToClients')} value={formatMoney(report.totals.revenue)} />}
          {own && <StatCard label={t('profit')} value={formatMoney(report.totals.profit)} testId="profit-total" />}
        </div>
        <DataList
          rows={report.rows}
          rowKey={(r) => r.package_type}
          testId="profit-report"
          caption={t('profitIn', { month })}
          empty={{ title: t('noActivations') }}
          columns={[
            {
              key: 'name',
              header: t('package'),
              label: false,
              cell: (r) => (
                <span className="font-medium">{catalog.find((p) => p.package_type === r.package_type)?.display_name ?? r.name}</span>
              ),
            },
            { key: 'sold', header: t('sold'), align: 'right', cell: (r) => f.number(r.activations) },
            ...(own
              ? [
                  {
                    key: 'billed',
                    header: t('billed'),
                    align: 'right' as const,
                    className: 'whitespace-nowrap',
                    cell: (r: ProfitRow) => formatMoney(r.revenue),
                  },
                  {
                    key: 'client_refunds',
                    header: t('refundedToClients'),
                    align: 'right' as const,
                    className: 'whitespace-nowrap',
                    cell: (r: ProfitRow) => (r.client_refunds ? `−${formatMoney(r.client_refunds)}` : formatMoney(0)),
                  },
                ]
              : []),
            { key: 'cost', header: t('cost'), align: 'right', className: 'whitespace-nowrap', cell: (r) => formatMoney(r.cost) },
            {
              key: 'refunds',
              header: t('refundsToYou'),
              align: 'right',
              className: 'whitespace-nowrap',
              cell: (r) => (r.refunds ? `−${formatMoney(r.refunds)}` : formatMoney(0)),
            },
            ...(own
              ? [
                  {
                    key: 'profit',
                    header: t('profit'),
                    align: 'right' as const,
                    className: 'whitespace-nowrap',
                    cell: (r: ProfitRow) => (
                      <span className={r.profit < 0 ? 'text-red-700' : 'text-emerald-700'}>{formatMoney(r.profit)}</span>
                    ),
                  },
                ]
              : []),
          ]}
        />
        {own && <p className="mt-3 text-xs text-slate-500">{t('profitNote')}</p>}
      </Card>
    </>
  );
}

function monthLabel(month: string, locale: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(languageOf(locale) === 'my' ? locale : 'en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 1)));
}
