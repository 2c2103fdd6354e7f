// /reseller/pricing — own-plans resellers set what each package sells at (and what it is called) and see
// profit and margin per sale, plus the monthly profit report from actual activations. Commission partners
// see the list prices and the commission each package earns them.
import type { Metadata } from 'next';
import { DataList } from '@/components/data-list';
import { PriceRow } from '@/components/reseller/price-row';
import { buttonClass, Card, EmptyState, inputClass, PageHeader, StatCard } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { formatMoney } from '@/lib/format';
import { type ProfitRow, profitReport, resellerCatalog } from '@/lib/services/pricing';
import { resellerProfile } from '@/lib/services/resellers';
import { profitQuery } from '@/lib/validation/branding';
import { setRetailPriceAction } from './actions';

export const metadata: Metadata = { title: 'Pricing and profit' };

export default async function PricingPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { db, actor } = await requireRole('reseller');
  const sp = await searchParams;
  const pq = profitQuery.safeParse({ month: sp.month || undefined });
  const [profile, catalog, report] = await Promise.all([
    resellerProfile(db, actor),
    resellerCatalog(db, actor.userId),
    profitReport(db, actor, pq.success ? pq.data.month : undefined),
  ]);
  const own = profile.partner_type === 'own_plans';
  return (
    <>
      <PageHeader
        title="Pricing and profit"
        subtitle={
          own
            ? 'You pay the platform the package cost; your clients pay what you set here. Bill them outside the platform.'
            : `You sell at the platform's list prices and earn ${profile.commission_rate}% commission on every activation.`
        }
      />
      {own ? (
        <Card title="Your price list">
          {catalog.length === 0 ? (
            <EmptyState title="No packages on sale yet." />
          ) : (
            <>
              <div className="hidden grid-cols-[1.3fr_1fr_1.2fr_1.4fr_1fr_auto] gap-x-3 border-b border-slate-100 pb-2 text-xs font-medium uppercase tracking-wide text-slate-500 md:grid">
                <span>Package</span>
                <span>Your cost</span>
                <span>Sell at (MMK)</span>
                <span>Display name</span>
                <span>Profit · margin</span>
                <span className="w-[4.5rem]" />
              </div>
              <div className="divide-y divide-slate-100" data-testid="price-list">
                {catalog.map((p) => (
                  <PriceRow key={p.package_type} pkg={p} action={setRetailPriceAction} />
                ))}
              </div>
              <p className="mt-3 text-xs text-slate-500">
                Clients see the display name and the price you set. A price change applies to later activations only.
              </p>
            </>
          )}
        </Card>
      ) : (
        <Card title="List prices and commission">
          <DataList
            rows={catalog}
            rowKey={(p) => p.package_type}
            testId="commission-table"
            caption="List prices and commission"
            empty={{ title: 'No packages on sale yet.' }}
            columns={[
              { key: 'name', header: 'Package', label: false, cell: (p) => <span className="font-medium">{p.name}</span> },
              { key: 'price', header: 'List price', align: 'right', className: 'whitespace-nowrap', cell: (p) => formatMoney(p.cost) },
              {
                key: 'commission',
                header: 'Your commission',
                align: 'right',
                className: 'whitespace-nowrap',
                cell: (p) => <span className="text-emerald-700">{formatMoney(p.commission)}</span>,
              },
            ]}
          />
          <p className="mt-3 text-xs text-slate-500">
            Commission accrues to your commission balance ({formatMoney(profile.commission_balance)} now); the platform pays it out or
            converts it to credit.
          </p>
        </Card>
      )}

      <Card
        title={`${own ? 'Profit' : 'Activations'} in ${monthLabel(report.month)}`}
        className="mt-5"
        actions={
          <form method="get" action="/reseller/pricing" className="flex items-center gap-2">
            <label htmlFor="month" className="sr-only">
              Month
            </label>
            <input id="month" type="month" name="month" defaultValue={report.month} className={`${inputClass} w-40`} />
            <button type="submit" className={buttonClass('secondary')}>
              Show
            </button>
          </form>
        }
      >
        {!pq.success && (
          <p role="alert" className="mb-3 text-sm text-red-700">
            Month as YYYY-MM; showing this month.
          </p>
        )}
        <div className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-4">
          <StatCard label="Activations" value={report.totals.activations.toLocaleString('en-US')} />
          <StatCard label="Cost" value={formatMoney(report.totals.cost)} />
          {own && <StatCard label="Billed to clients" value={formatMoney(report.totals.revenue)} />}
          {own && <StatCard label="Profit" value={formatMoney(report.totals.profit)} testId="profit-total" />}
        </div>
        <DataList
          rows={report.rows}
          rowKey={(r) => r.package_type}
          testId="profit-report"
          caption={`Profit in ${monthLabel(report.month)}`}
          empty={{ title: 'No activations in this month.' }}
          columns={[
            {
              key: 'name',
              header: 'Package',
              label: false,
              cell: (r) => (
                <span className="font-medium">{catalog.find((p) => p.package_type === r.package_type)?.display_name ?? r.name}</span>
              ),
            },
            { key: 'sold', header: 'Sold', align: 'right', cell: (r) => r.activations.toLocaleString('en-US') },
            ...(own
              ? [
                  {
                    key: 'billed',
                    header: 'Billed',
                    align: 'right' as const,
                    className: 'whitespace-nowrap',
                    cell: (r: ProfitRow) => formatMoney(r.revenue),
                  },
                  {
                    key: 'client_refunds',
                    header: 'Refunded to clients',
                    align: 'right' as const,
                    className: 'whitespace-nowrap',
                    cell: (r: ProfitRow) => (r.client_refunds ? `−${formatMoney(r.client_refunds)}` : formatMoney(0)),
                  },
                ]
              : []),
            { key: 'cost', header: 'Cost', align: 'right', className: 'whitespace-nowrap', cell: (r) => formatMoney(r.cost) },
            {
              key: 'refunds',
              header: 'Refunds to you',
              align: 'right',
              className: 'whitespace-nowrap',
              cell: (r) => (r.refunds ? `−${formatMoney(r.refunds)}` : formatMoney(0)),
            },
            ...(own
              ? [
                  {
                    key: 'profit',
                    header: 'Profit',
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
        {own && (
          <p className="mt-3 text-xs text-slate-500">
            Billed is the retail price at each activation. A switch refunds you the unused days at your cost, and you owe your client the
            same days at your retail price: profit is (billed − refunded to clients) − (cost − refunds to you).
          </p>
        )}
      </Card>
    </>
  );
}

function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}
