// /reseller/pricing — own-plans resellers set what each package sells at (and what it is called) and see
// profit and margin per sale, plus the monthly profit report from actual activations. Commission partners
// see the list prices and the commission each package earns them.
import type { Metadata } from 'next';
import { PriceRow } from '@/components/reseller/price-row';
import { buttonClass, Card, EmptyState, inputClass, PageHeader, StatCard } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { formatMoney } from '@/lib/format';
import { profitReport, resellerCatalog } from '@/lib/services/pricing';
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
          <div className="-mx-4 overflow-x-auto sm:mx-0">
            <table className="min-w-full text-sm" data-testid="commission-table">
              <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th className="px-4 py-2 font-medium sm:px-2">Package</th>
                  <th className="px-2 py-2 text-right font-medium">List price</th>
                  <th className="px-2 py-2 text-right font-medium">Your commission</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {catalog.map((p) => (
                  <tr key={p.package_type}>
                    <td className="px-4 py-2.5 font-medium sm:px-2">{p.name}</td>
                    <td className="whitespace-nowrap px-2 py-2.5 text-right tabular-nums">{formatMoney(p.cost)}</td>
                    <td className="whitespace-nowrap px-2 py-2.5 text-right tabular-nums text-emerald-700">{formatMoney(p.commission)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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
        {report.rows.length === 0 ? (
          <EmptyState title="No activations in this month." />
        ) : (
          <div className="-mx-4 overflow-x-auto sm:mx-0">
            <table className="min-w-full text-sm" data-testid="profit-report">
              <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th className="px-4 py-2 font-medium sm:px-2">Package</th>
                  <th className="px-2 py-2 text-right font-medium">Sold</th>
                  <th className="hidden px-2 py-2 text-right font-medium sm:table-cell">Cost</th>
                  {own && <th className="hidden px-2 py-2 text-right font-medium sm:table-cell">Billed</th>}
                  <th className="hidden px-2 py-2 text-right font-medium md:table-cell">Refunds</th>
                  {own && <th className="px-2 py-2 text-right font-medium">Profit</th>}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {report.rows.map((r) => (
                  <tr key={r.package_type}>
                    <td className="px-4 py-2.5 sm:px-2">
                      {catalog.find((p) => p.package_type === r.package_type)?.display_name ?? r.name}
                    </td>
                    <td className="px-2 py-2.5 text-right tabular-nums">{r.activations}</td>
                    <td className="hidden whitespace-nowrap px-2 py-2.5 text-right tabular-nums sm:table-cell">{formatMoney(r.cost)}</td>
                    {own && (
                      <td className="hidden whitespace-nowrap px-2 py-2.5 text-right tabular-nums sm:table-cell">
                        {formatMoney(r.revenue)}
                      </td>
                    )}
                    <td className="hidden whitespace-nowrap px-2 py-2.5 text-right tabular-nums md:table-cell">{formatMoney(r.refunds)}</td>
                    {own && (
                      <td
                        className={`whitespace-nowrap px-2 py-2.5 text-right tabular-nums ${r.profit < 0 ? 'text-red-700' : 'text-emerald-700'}`}
                      >
                        {formatMoney(r.profit)}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {own && (
          <p className="mt-3 text-xs text-slate-500">
            Billed is the retail price at each activation. Refunds for switched-away days come back to your credit and are shown beside the
            profit, not subtracted.
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
