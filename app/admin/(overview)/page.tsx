// /admin — the platform at a glance: resellers, clients by status, gateways, SMS, money, and 30-day charts.
import type { Metadata } from 'next';
import Link from 'next/link';
import { BarChart } from '@/components/charts';
import { Card, PageHeader, StatCard } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { formatMoney } from '@/lib/format';
import { adminStats } from '@/lib/services/stats';

export const metadata: Metadata = { title: 'Overview' };

const n = (v: number) => v.toLocaleString('en-US');

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
  ['trial', 'Trial', 'text-sky-700'],
  ['active', 'Active', 'text-emerald-700'],
  ['expired', 'Expired', 'text-amber-700'],
  ['suspended', 'Suspended', 'text-red-700'],
] as const;

export default async function AdminOverviewPage() {
  const { db, actor } = await requireRole('admin');
  const s = await adminStats(db, actor);
  const days = s.series;
  return (
    <>
      <PageHeader title="Overview" subtitle={<>Platform at a glance. Days and months are counted in {s.time_zone}.</>} />

      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <LinkCard href="/admin/resellers" label={`Active resellers: ${n(s.active_resellers)}`}>
          <StatCard label="Active resellers" value={n(s.active_resellers)} testId="stat-active-resellers" />
        </LinkCard>
        <StatCard
          label="Credit outstanding"
          value={formatMoney(s.credit_outstanding)}
          hint={`Commission owed: ${formatMoney(s.commission_outstanding)}`}
          testId="stat-credit-outstanding"
        />
        <StatCard
          label="Revenue this month"
          value={formatMoney(s.revenue_month)}
          hint="Activations less switch refunds"
          testId="stat-revenue-month"
        />
        <StatCard label="Activations this month" value={n(s.activations_month)} testId="stat-activations-month" />
        <StatCard label="Gateways online" value={n(s.gateways_online)} hint="Seen in the last 5 minutes" testId="stat-gateways-online" />
        <StatCard label="SMS today" value={n(s.sms_today)} testId="stat-sms-today" />
        <StatCard label="SMS this month" value={n(s.sms_month)} testId="stat-sms-month" />
        <LinkCard href="/admin/topups" label={`Pending top-up requests: ${n(s.pending_topups)}`}>
          <StatCard
            label="Pending top-ups"
            value={<span className={s.pending_topups > 0 ? 'text-amber-700' : undefined}>{n(s.pending_topups)}</span>}
            hint={s.pending_topups > 0 ? 'Waiting for a decision →' : 'Nothing waiting'}
            testId="stat-pending-topups"
          />
        </LinkCard>
      </div>

      <Card
        title={`Clients by status · ${n(s.clients.total)} total`}
        className="mt-5"
        actions={
          <Link href="/admin/clients" className="text-sm text-brand-700 hover:underline">
            All clients
          </Link>
        }
      >
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="clients-by-status">
          {CLIENT_STATUS.map(([key, label, tone]) => (
            <li key={key}>
              <Link href={`/admin/clients?status=${key}`} className="block rounded-lg border border-slate-200 px-3 py-2 hover:bg-slate-50">
                <span className="block text-xs font-medium uppercase tracking-wide text-slate-500">{label}</span>
                <span className={`block text-xl font-semibold tabular-nums ${tone}`} data-testid={`clients-${key}`}>
                  {n(s.clients[key])}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </Card>

      <div className="mt-5 grid gap-5 lg:grid-cols-2">
        <Card title="Revenue per day">
          <BarChart
            id="revenue"
            title="Revenue"
            data={days.map((d) => ({ day: d.day, value: d.revenue }))}
            formatValue={(v) => formatMoney(v)}
          />
        </Card>
        <Card title="Activations per day">
          <BarChart id="activations" title="Activations" tone="emerald" data={days.map((d) => ({ day: d.day, value: d.activations }))} />
        </Card>
        <Card title="SMS per day" className="lg:col-span-2">
          <BarChart
            id="sms"
            title="SMS"
            tone="sky"
            data={days.map((d) => ({ day: d.day, value: d.sms }))}
            note={s.sms_month === 0 ? 'No SMS sent yet: the count grows once clients send through their gateway phones.' : undefined}
          />
        </Card>
      </div>
    </>
  );
}
