// /admin — the platform at a glance: resellers, clients by status, gateways, SMS, money, and 30-day charts.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { BarChart } from '@/components/charts';
import { Card, PageHeader, StatCard } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { getFormat } from '@/lib/i18n/server';
import { adminStats } from '@/lib/services/stats';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.overview'))('title') };
}

function LinkCard({ href, children, label }: { href: string; children: React.ReactNode; label: string }) {
  return (
    <Link
      href={href}
      aria-label={label}
      className="block h-full rounded-xl transition-shadow [&>div]:h-full hover:shadow-md focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
    >
      {children}
    </Link>
  );
}

const CLIENT_STATUS = [
  ['trial', 'text-sky-700'],
  ['active', 'text-emerald-700'],
  ['expired', 'text-amber-700'],
  ['suspended', 'text-red-700'],
] as const;

export default async function AdminOverviewPage() {
  const { db, actor } = await requireRole('admin');
  const [s, t, f] = await Promise.all([adminStats(db, actor), getTranslations('admin.overview'), getFormat()]);
  const n = f.number;
  const formatMoney = f.money;
  const days = s.series;
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle', { zone: s.time_zone })} />

      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <LinkCard href="/admin/resellers" label={t('activeResellersLink', { count: n(s.active_resellers) })}>
          <StatCard label={t('activeResellers')} value={n(s.active_resellers)} testId="stat-active-resellers" />
        </LinkCard>
        <StatCard
          label={t('creditOutstanding')}
          value={formatMoney(s.credit_outstanding)}
          hint={t('commissionOwed', { amount: formatMoney(s.commission_outstanding) })}
          testId="stat-credit-outstanding"
        />
        <StatCard label={t('revenueMonth')} value={formatMoney(s.revenue_month)} hint={t('revenueHint')} testId="stat-revenue-month" />
        <StatCard label={t('activationsMonth')} value={n(s.activations_month)} testId="stat-activations-month" />
        <StatCard label={t('gatewaysOnline')} value={n(s.gateways_online)} hint={t('gatewaysHint')} testId="stat-gateways-online" />
        <StatCard label={t('smsToday')} value={n(s.sms_today)} testId="stat-sms-today" />
        <StatCard label={t('smsMonth')} value={n(s.sms_month)} testId="stat-sms-month" />
        <LinkCard href="/admin/topups" label={t('pendingLink', { count: n(s.pending_topups) })}>
          <StatCard
            label={t('pendingTopups')}
            value={<span className={s.pending_topups > 0 ? 'text-amber-700' : undefined}>{n(s.pending_topups)}</span>}
            hint={s.pending_topups > 0 ? t('waiting') : t('nothingWaiting')}
            testId="stat-pending-topups"
          />
        </LinkCard>
      </div>

      <Card
        title={t('clientsByStatus', { total: n(s.clients.total) })}
        className="mt-5"
        actions={
          <Link href="/admin/clients" className="text-sm text-brand-700 hover:underline">
            {t('allClients')}
          </Link>
        }
      >
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="clients-by-status">
          {CLIENT_STATUS.map(([key, tone]) => (
            <li key={key}>
              <Link href={`/admin/clients?status=${key}`} className="block rounded-lg border border-slate-200 px-3 py-2 hover:bg-slate-50">
                <span className="block text-xs font-medium uppercase tracking-wide text-slate-500">{t(`status.${key}`)}</span>
                <span className={`block text-xl font-semibold tabular-nums ${tone}`} data-testid={`clients-${key}`}>
                  {n(s.clients[key])}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </Card>

      <div className="mt-5 grid gap-5 lg:grid-cols-2">
        <Card title={t('revenuePerDay')}>
          <BarChart
            id="revenue"
            title={t('revenue')}
            data={days.map((d) => ({ day: d.day, value: d.revenue }))}
            formatValue={(v) => formatMoney(v)}
          />
        </Card>
        <Card title={t('activationsPerDay')}>
          <BarChart
            id="activations"
            title={t('activations')}
            tone="emerald"
            data={days.map((d) => ({ day: d.day, value: d.activations }))}
          />
        </Card>
        <Card title={t('smsPerDay')} className="lg:col-span-2">
          <BarChart
            id="sms"
            title="SMS"
            tone="sky"
            data={days.map((d) => ({ day: d.day, value: d.sms }))}
            note={s.sms_month === 0 ? t('noSms') : undefined}
          />
        </Card>
      </div>
    </>
  );
}
