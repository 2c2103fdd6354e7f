// /reseller — the overview: balances, clients by status, what needs attention soon (trials ending within
// 24 h, paid periods ending within 7 days, with a one-tap renewal), this month's activations and profit,
// and 30 days of activations and spend.
import type { Metadata } from 'next';
import Link from 'next/link';
import { BarChart } from '@/components/charts';
import { ConfirmAction } from '@/components/reseller/confirm-action';
import { Card, EmptyState, LinkButton, PageHeader, StatCard } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { formatDateTime, formatMoney } from '@/lib/format';
import { profitReport, resellerCatalog } from '@/lib/services/pricing';
import { resellerOverview } from '@/lib/services/reseller-stats';
import { resellerProfile } from '@/lib/services/resellers';
import { renewAction } from './actions';

export const metadata: Metadata = { title: 'Overview' };

const STATUS_TILES = [
  { status: 'active', label: 'Active', cls: 'text-emerald-700' },
  { status: 'trial', label: 'On trial', cls: 'text-sky-700' },
  { status: 'expired', label: 'Expired', cls: 'text-amber-700' },
  { status: 'suspended', label: 'Suspended', cls: 'text-red-700' },
] as const;

export default async function ResellerOverviewPage() {
  const { db, actor } = await requireRole('reseller');
  const [profile, overview, profit, catalog] = await Promise.all([
    resellerProfile(db, actor),
    resellerOverview(db, actor),
    profitReport(db, actor),
    resellerCatalog(db, actor.userId),
  ]);
  const own = profile.partner_type === 'own_plans';
  const byCode = new Map(catalog.map((p) => [p.package_type, p]));
  return (
    <>
      <PageHeader
        title="Overview"
        subtitle={`${profile.name} · ${own ? 'own plans' : `commission partner (${profile.commission_rate}%)`}`}
        actions={
          <>
            <LinkButton href="/reseller/clients/new">New client</LinkButton>
            <LinkButton href="/reseller/credit" variant="secondary">
              Request credit
            </LinkButton>
          </>
        }
      />
      <div className="mb-5 grid grid-cols-2 gap-3 lg:grid-cols-4">
        <StatCard label="Credit" value={formatMoney(profile.credit_balance)} testId="overview-credit" />
        <StatCard
          label="Commission"
          value={formatMoney(profile.commission_balance)}
          hint={own ? 'Own-plans partner' : `${profile.commission_rate}% of list price`}
        />
        <StatCard
          label="Activations this month"
          value={profit.totals.activations.toLocaleString('en-US')}
          hint={`Spent ${formatMoney(profit.totals.cost - profit.totals.refunds)}`}
          testId="overview-activations"
        />
        {own ? (
          <StatCard
            label="Profit this month"
            value={formatMoney(profit.totals.profit)}
            hint={
              <Link href="/reseller/pricing" className="text-brand-700 hover:underline">
                Profit report
              </Link>
            }
            testId="overview-profit"
          />
        ) : (
          <StatCard
            label="Commission this month"
            value={formatMoney(overview.commission_month)}
            hint="Earned, net of switch reversals"
            testId="overview-commission-month"
          />
        )}
        <StatCard
          label="SMS today"
          value={overview.sms.today.toLocaleString('en-US')}
          hint="Sent by your clients"
          testId="overview-sms-today"
        />
        <StatCard label="SMS this month" value={overview.sms.month.toLocaleString('en-US')} testId="overview-sms-month" />
        <StatCard
          label="Gateways online"
          value={overview.gateways_online.toLocaleString('en-US')}
          hint="Clients' phones seen in 5 minutes"
          testId="overview-gateways"
        />
      </div>

      {overview.clients.total === 0 ? (
        <Card className="mb-5">
          <EmptyState title="No clients yet.">
            Each new client starts with a free trial.{' '}
            <Link className="text-brand-700 underline" href="/reseller/clients/new">
              Create your first client
            </Link>
          </EmptyState>
        </Card>
      ) : (
        <div className="mb-5 grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="clients-by-status">
          {STATUS_TILES.map((t) => (
            <Link
              key={t.status}
              href={`/reseller/clients?status=${t.status}`}
              className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600"
            >
              <div className="text-xs font-medium uppercase tracking-wide text-slate-500">{t.label}</div>
              <div className={`mt-1 text-2xl font-semibold tabular-nums ${t.cls}`}>
                {overview.clients[t.status].toLocaleString('en-US')}
              </div>
            </Link>
          ))}
        </div>
      )}

      <div className="grid gap-5 lg:grid-cols-2">
        <Card title="Trials ending within 24 hours">
          {overview.trials_ending.length === 0 ? (
            <p className="text-sm text-slate-500">No trial ends in the next 24 hours.</p>
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="trials-ending">
              {overview.trials_ending.map((c) => (
                <li key={c.id} className="flex items-center justify-between gap-3 py-2.5 first:pt-0 last:pb-0">
                  <div className="min-w-0">
                    <Link href={`/reseller/clients/${c.id}`} className="font-medium text-brand-700 hover:underline">
                      {c.name}
                    </Link>
                    <div className="truncate text-xs text-slate-500">Ends {formatDateTime(c.trial_ends_at)}</div>
                  </div>
                  <LinkButton href={`/reseller/clients/${c.id}#activate`} variant="secondary">
                    Activate
                  </LinkButton>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Subscriptions ending within 7 days">
          {overview.subscriptions_ending.length === 0 ? (
            <p className="text-sm text-slate-500">No paid period ends in the next 7 days.</p>
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="subscriptions-ending">
              {overview.subscriptions_ending.map((s) => {
                const pkg = byCode.get(s.package_type);
                return (
                  <li key={s.client_id} className="flex flex-wrap items-center justify-between gap-3 py-2.5 first:pt-0 last:pb-0">
                    <div className="min-w-0">
                      <Link href={`/reseller/clients/${s.client_id}`} className="font-medium text-brand-700 hover:underline">
                        {s.name}
                      </Link>
                      <div className="text-xs text-slate-500">
                        {pkg?.display_name ?? s.package_name} · ends {formatDateTime(s.ends_at)}
                      </div>
                    </div>
                    {pkg ? (
                      <ConfirmAction
                        action={renewAction}
                        fields={{ client_id: String(s.client_id), package_type: s.package_type }}
                        label={`Renew · ${formatMoney(pkg.cost)}`}
                        confirmText={`Renew ${pkg.name} for ${formatMoney(pkg.cost)}? Balance after: ${formatMoney(profile.credit_balance - pkg.cost)}.`}
                        confirmLabel="Confirm renewal"
                        testId={`renew-${s.client_id}`}
                      />
                    ) : (
                      <span className="text-xs text-slate-500">Package no longer sold</span>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </Card>
      </div>

      <Card title="Last 30 days" className="mt-5">
        <div className="grid gap-6 md:grid-cols-2">
          <div>
            <h3 className="mb-2 text-sm font-medium text-slate-700">Activations per day</h3>
            <BarChart id="activations" title="Activations" data={overview.series.map((d) => ({ day: d.day, value: d.activations }))} />
          </div>
          <div>
            <h3 className="mb-2 text-sm font-medium text-slate-700">Credit spent per day</h3>
            <BarChart
              id="spend"
              title="Credit spent"
              tone="emerald"
              data={overview.series.map((d) => ({ day: d.day, value: d.spend }))}
              formatValue={(v) => formatMoney(v)}
              note={`Days in ${overview.time_zone}; switch refunds are netted.`}
            />
          </div>
        </div>
      </Card>
    </>
  );
}
