import type { Metadata } from 'next';
import Link from 'next/link';
import { AutoRefresh } from '@/components/client/auto-refresh';
import { isMoving, MessageTable } from '@/components/client/message-table';
import { InlineAction } from '@/components/inline-action';
import { Card, DetailList, LinkButton, PageHeader, StatCard, StatusBadge } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { daysLeft, formatDate, formatMoney } from '@/lib/format';
import { phoneCountry } from '@/lib/phone';
import { type ActivationPreview, previewActivation } from '@/lib/services/activation';
import { clientHome } from '@/lib/services/client-portal';
import { listDevices } from '@/lib/services/devices';
import { listMessages } from '@/lib/services/messages';
import { getSettings } from '@/lib/services/settings';
import { renewFromBalanceAction } from './actions';

export const metadata: Metadata = { title: 'Overview' };

function UsageBar({ label, used, limit }: { label: string; used: number; limit: number }) {
  const pct = limit > 0 ? Math.min(100, Math.round((used / limit) * 100)) : 0;
  return (
    <div>
      <div className="mb-1 flex justify-between text-sm">
        <span>{label}</span>
        <span className="tabular-nums text-slate-600">
          {used.toLocaleString('en-US')} / {limit.toLocaleString('en-US')}
        </span>
      </div>
      <div
        className="h-2 overflow-hidden rounded-full bg-slate-100"
        role="progressbar"
        aria-label={label}
        aria-valuenow={used}
        aria-valuemin={0}
        aria-valuemax={limit}
      >
        <div className={`h-full rounded-full ${pct >= 90 ? 'bg-red-500' : 'bg-brand-600'}`} style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}

export default async function ClientOverview() {
  const { db, actor } = await requireRole('client');
  const { client, reseller, package_display_name } = await clientHome(db, actor);
  if (client.status === 'expired') {
    return (
      <div className="mx-auto max-w-lg py-10 text-center" data-testid="expired-screen">
        <div className="mx-auto mb-4 flex h-12 w-12 items-center justify-center rounded-full bg-amber-100 text-2xl">⏳</div>
        <h1 className="text-xl font-semibold">Account expired — contact {reseller.name}</h1>
        <p className="mt-2 text-slate-600">
          Your {client.package ? 'package' : 'free trial'} ended on {formatDate(client.package?.ends_at ?? client.trial_ends_at)}. Sending
          is paused until {reseller.name} activates a package for you.
        </p>
        <p className="mt-4 text-sm text-slate-600">
          {reseller.email} · {reseller.phone}
        </p>
      </div>
    );
  }
  const settings = await getSettings(db);
  const [devices, recent, renewal] = await Promise.all([
    listDevices(db, actor),
    listMessages(db, actor, { page: 1, limit: 5 }, settings.time_zone),
    client.package && client.credit_balance > 0
      ? previewActivation(db, actor, actor.userId, { package_type: client.package.package_type }).catch(
          (): ActivationPreview | null => null,
        )
      : Promise.resolve(null),
  ]);
  const online = devices.filter((d) => d.online).length;
  const until = client.package ? (client.paid_until ?? client.package.ends_at) : client.trial_ends_at;
  const left = daysLeft(until);
  return (
    <>
      <PageHeader
        title="Overview"
        subtitle={
          <>
            Your account is{' '}
            <span data-testid="client-status">
              <StatusBadge status={client.status} />
            </span>
          </>
        }
      />
      <div className="mb-5 grid grid-cols-2 gap-3 sm:grid-cols-3">
        <StatCard
          label={client.status === 'trial' ? 'Trial' : 'Package'}
          value={package_display_name ?? 'Free trial'}
          testId="client-package"
        />
        <StatCard label="Days left" value={left} hint={`until ${formatDate(until)}`} testId="client-days-left" />
        <StatCard
          label="Devices online"
          value={`${online} / ${devices.length}`}
          hint={`${client.usage.device_limit} allowed by your package`}
          testId="client-devices-online"
        />
      </div>
      {renewal && (
        <div
          className="mb-5 flex flex-wrap items-center justify-between gap-3 rounded-xl border border-brand-600/30 bg-white p-4 shadow-sm"
          data-testid="renew-panel"
        >
          <div className="text-sm">
            <p className="font-medium">Your balance: {formatMoney(client.credit_balance, settings.currency)}</p>
            <p className="text-slate-600">
              Renew {package_display_name} for {formatMoney(renewal.net, settings.currency)}, until {formatDate(renewal.ends_at)}.
              {!renewal.sufficient && ' Your balance does not cover it yet.'}
            </p>
          </div>
          {renewal.sufficient && (
            <InlineAction
              action={renewFromBalanceAction}
              fields={{ package_type: renewal.package_type, expected_price: String(renewal.price) }}
              label="Renew from my balance"
              variant="primary"
              testId="renew-from-balance"
            />
          )}
        </div>
      )}
      <div className="grid gap-5 [&>*]:min-w-0 lg:grid-cols-2">
        <Card title="Usage">
          <div className="space-y-4">
            <UsageBar label="SMS today" used={client.usage.today} limit={client.usage.daily_limit} />
            <UsageBar label="SMS this period" used={client.usage.period} limit={client.usage.period_limit} />
          </div>
        </Card>
        <Card title="Your provider">
          <DetailList
            items={[
              ['Reseller', reseller.name],
              ['Email', reseller.email],
              ['Phone', reseller.phone],
            ]}
          />
        </Card>
      </div>
      <Card
        title="Recent messages"
        className="mt-5"
        actions={
          <div className="flex items-center gap-3">
            <AutoRefresh active={isMoving(recent.data)} />
            <Link href="/client/messages" className="text-sm font-medium text-brand-700 hover:underline">
              All messages
            </Link>
          </div>
        }
      >
        <MessageTable
          rows={recent.data}
          timeZone={settings.time_zone}
          country={phoneCountry(client.country, settings.default_country)}
          empty={{ title: 'No messages yet', body: <LinkButton href="/client/send">Send your first SMS</LinkButton> }}
        />
      </Card>
    </>
  );
}
