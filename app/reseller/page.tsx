// /reseller — the overview: balances, clients by status, what needs attention soon (trials ending within
// 24 h, paid periods ending within 7 days, with a one-tap renewal), this month's activations and profit,
// and 30 days of activations and spend.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { BarChart } from '@/components/charts';
import { ConfirmAction } from '@/components/reseller/confirm-action';
import { Card, EmptyState, LinkButton, PageHeader, StatCard } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { getFormat } from '@/lib/i18n/server';
import { profitReport, resellerCatalog } from '@/lib/services/pricing';
import { resellerOverview } from '@/lib/services/reseller-stats';
import { resellerProfile } from '@/lib/services/resellers';
import { renewAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reseller.overview'))('title') };
}

const STATUS_TILES = [
  { status: 'active', cls: 'text-emerald-700' },
  { status: 'trial', cls: 'text-sky-700' },
  { status: 'expired', cls: 'text-amber-700' },
  { status: 'suspended', cls: 'text-red-700' },
] as const;

export default async function ResellerOverviewPage() {
  const { db, actor } = await requireRole('reseller');
  const [profile, overview, profit, catalog] = await Promise.all([
    resellerProfile(db, actor),
    resellerOverview(db, actor),
    profitReport(db, actor),
    resellerCatalog(db, actor.userId),
  ]);
  const [t, f] = await Promise.all([getTranslations('reseller.overview'), getFormat()]);
  const own = profile.partner_type === 'own_plans';
  const byCode = new Map(catalog.map((p) => [p.package_type, p]));
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={`${profile.name} · ${own ? t('ownPlans') : t('commissionPartner', { rate: profile.commission_rate })}`}
        actions={
          <>
            <LinkButton href="/reseller/clients/new">{t('newClient')}</LinkButton>
            <LinkButton href="/reseller/credit" variant="secondary">
              {t('requestCredit')}
            </LinkButton>
          </>
        }
      />
      <div className="mb-5 grid grid-cols-2 gap-3 lg:grid-cols-4">
        <StatCard label={t('credit')} value={f.money(profile.credit_balance)} testId="overview-credit" />
        <StatCard
          label={t('commission')}
          value={f.money(profile.commission_balance)}
          hint={own ? t('ownPlansPartner') : t('ofListPrice', { rate: profile.commission_rate })}
        />
        <StatCard
          label={t('activationsMonth')}
          value={f.number(profit.totals.activations)}
          hint={t('spent', { amount: f.money(profit.totals.cost - profit.totals.refunds) })}
          testId="overview-activations"
        />
        {own ? (
          <StatCard
            label={t('profitMonth')}
            value={f.money(profit.totals.profit)}
            hint={
              <Link href="/reseller/pricing" className="text-brand-700 hover:underline">
                {t('profitReport')}
              </Link>
            }
            testId="overview-profit"
          />
        ) : (
          <StatCard
            label={t('commissionMonth')}
            value={f.money(overview.commission_month)}
            hint={t('commissionMonthHint')}
            testId="overview-commission-month"
          />
        )}
        <StatCard label={t('smsToday')} value={f.number(overview.sms.today)} hint={t('smsTodayHint')} testId="overview-sms-today" />
        <StatCard label={t('smsMonth')} value={f.number(overview.sms.month)} testId="overview-sms-month" />
        <StatCard
          label={t('gatewaysOnline')}
          value={f.number(overview.gateways_online)}
          hint={t('gatewaysOnlineHint')}
          testId="overview-gateways"
        />
      </div>

      {overview.clients.total === 0 ? (
        <Card className="mb-5">
          <EmptyState title={t('noClients')}>
            {t('trialNote')}{' '}
            <Link className="text-brand-700 underline" href="/reseller/clients/new">
              {t('createFirst')}
            </Link>
          </EmptyState>
        </Card>
      ) : (
        <div className="mb-5 grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="clients-by-status">
          {STATUS_TILES.map((tile) => (
            <Link
              key={tile.status}
              href={`/reseller/clients?status=${tile.status}`}
              className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600"
            >
              <div className="text-xs font-medium uppercase tracking-wide text-slate-500">{t(`tile.${tile.status}`)}</div>
              <div className={`mt-1 text-2xl font-semibold tabular-nums ${tile.cls}`}>{f.number(overview.clients[tile.status])}</div>
            </Link>
          ))}
        </div>
      )}

      <div className="grid gap-5 lg:grid-cols-2">
        <Card title={t('trialsEnding')}>
          {overview.trials_ending.length === 0 ? (
            <p className="text-sm text-slate-500">{t('noTrialsEnding')}</p>
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="trials-ending">
              {overview.trials_ending.map((c) => (
                <li key={c.id} className="flex items-center justify-between gap-3 py-2.5 first:pt-0 last:pb-0">
                  <div className="min-w-0">
                    <Link href={`/reseller/clients/${c.id}`} className="font-medium text-brand-700 hover:underline">
                      {c.name}
                    </Link>
                    <div className="truncate text-xs text-slate-500">{t('ends', { date: f.dateTime(c.trial_ends_at) })}</div>
                  </div>
                  <LinkButton href={`/reseller/clients/${c.id}#activate`} variant="secondary">
                    {t('activate')}
                  </LinkButton>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t('subscriptionsEnding')}>
          {overview.subscriptions_ending.length === 0 ? (
            <p className="text-sm text-slate-500">{t('noSubscriptionsEnding')}</p>
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
                        {pkg?.display_name ?? s.package_name} · {t('endsLower', { date: f.dateTime(s.ends_at) })}
                      </div>
                    </div>
                    {pkg ? (
                      <ConfirmAction
                        action={renewAction}
                        fields={{ client_id: String(s.client_id), package_type: s.package_type }}
                        label={t('renew', { amount: f.money(pkg.cost) })}
                        confirmText={t('renewConfirm', {
                          name: pkg.name,
                          amount: f.money(pkg.cost),
                          after: f.money(profile.credit_balance - pkg.cost),
                        })}
                        confirmLabel={t('confirmRenewal')}
                        testId={`renew-${s.client_id}`}
                      />
                    ) : (
                      <span className="text-xs text-slate-500">{t('noLongerSold')}</span>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </Card>
      </div>

      <Card title={t('last30')} className="mt-5">
        <div className="grid gap-6 md:grid-cols-2">
          <div>
            <h3 className="mb-2 text-sm font-medium text-slate-700">{t('activationsPerDay')}</h3>
            <BarChart id="activations" title={t('activations')} data={overview.series.map((d) => ({ day: d.day, value: d.activations }))} />
          </div>
          <div>
            <h3 className="mb-2 text-sm font-medium text-slate-700">{t('spentPerDay')}</h3>
            <BarChart
              id="spend"
              title={t('creditSpent')}
              tone="emerald"
              data={overview.series.map((d) => ({ day: d.day, value: d.spend }))}
              formatValue={(v) => f.money(v)}
              note={t('chartNote', { zone: overview.time_zone })}
            />
          </div>
        </div>
      </Card>
    </>
  );
}
