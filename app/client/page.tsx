import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AutoRefresh } from '@/components/client/auto-refresh';
import { isMoving, MessageTable } from '@/components/client/message-table';
import { InlineAction } from '@/components/inline-action';
import { PayProvider, ProviderContactLinks } from '@/components/payments/pay-provider';
import { Card, DetailList, LinkButton, PageHeader, StatCard, StatusBadge } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { daysLeft } from '@/lib/format';
import { useFormat } from '@/lib/i18n/format';
import { getFormat } from '@/lib/i18n/server';
import { phoneCountry } from '@/lib/phone';
import { type ActivationPreview, previewActivation } from '@/lib/services/activation';
import { clientHome } from '@/lib/services/client-portal';
import { listDevices } from '@/lib/services/devices';
import { latestMessages } from '@/lib/services/messages';
import { getSettings } from '@/lib/services/settings';
import { renewFromBalanceAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('client.home'))('title') };
}

function UsageBar({ label, used, limit }: { label: string; used: number; limit: number }) {
  const f = useFormat();
  const pct = limit > 0 ? Math.min(100, Math.round((used / limit) * 100)) : 0;
  return (
    <div>
      <div className="mb-1 flex justify-between text-sm">
        <span>{label}</span>
        <span className="tabular-nums text-slate-600">
          {f.number(used)} / {f.number(limit)}
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
  const { client, reseller, package_display_name, payment_accounts } = await clientHome(db, actor);
  const [t, f] = await Promise.all([getTranslations('client.home'), getFormat()]);
  if (client.status === 'expired') {
    return (
      <div className="mx-auto max-w-lg py-10 text-center" data-testid="expired-screen">
        <div className="mx-auto mb-4 flex h-12 w-12 items-center justify-center rounded-full bg-amber-100 text-2xl">⏳</div>
        <h1 className="text-xl font-semibold">{t('expiredTitle', { reseller: reseller.name })}</h1>
        <p className="mt-2 text-slate-600">
          {t(client.package ? 'expiredPackage' : 'expiredTrial', {
            date: f.date(client.package?.ends_at ?? client.trial_ends_at),
            reseller: reseller.name,
          })}
        </p>
        <div className="mt-4">
          <ProviderContactLinks reseller={reseller} />
        </div>
        <div className="mt-6">
          <PayProvider reseller={reseller} accounts={payment_accounts} />
        </div>
      </div>
    );
  }
  const settings = await getSettings(db);
  const [devices, recent, renewal] = await Promise.all([
    listDevices(db, actor),
    latestMessages(db, actor, 5),
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
        title={t('title')}
        subtitle={
          <>
            {t('accountIs')}{' '}
            <span data-testid="client-status">
              <StatusBadge status={client.status} />
            </span>
          </>
        }
      />
      <div className="mb-5 grid grid-cols-2 gap-3 sm:grid-cols-3">
        <StatCard
          label={client.status === 'trial' ? t('trial') : t('package')}
          value={package_display_name ?? t('freeTrial')}
          testId="client-package"
        />
        <StatCard label={t('daysLeft')} value={f.number(left)} hint={t('until', { date: f.date(until) })} testId="client-days-left" />
        <StatCard
          label={t('devicesOnline')}
          value={`${f.number(online)} / ${f.number(devices.length)}`}
          hint={t('devicesAllowed', { count: client.usage.device_limit })}
          testId="client-devices-online"
        />
      </div>
      {renewal && (
        <div
          className="mb-5 flex flex-wrap items-center justify-between gap-3 rounded-xl border border-brand-600/30 bg-white p-4 shadow-sm"
          data-testid="renew-panel"
        >
          <div className="text-sm">
            <p className="font-medium">{t('balance', { amount: f.money(client.credit_balance, settings.currency) })}</p>
            <p className="text-slate-600">
              {t('renewOffer', {
                package: package_display_name ?? '',
                amount: f.money(renewal.net, settings.currency),
                date: f.date(renewal.ends_at),
              })}
              {!renewal.sufficient && ` ${t('renewShort')}`}
            </p>
          </div>
          {renewal.sufficient && (
            <InlineAction
              action={renewFromBalanceAction}
              fields={{ package_type: renewal.package_type, expected_price: String(renewal.price) }}
              label={t('renew')}
              variant="primary"
              testId="renew-from-balance"
            />
          )}
        </div>
      )}
      <div className="grid gap-5 [&>*]:min-w-0 lg:grid-cols-2">
        <Card title={t('usage')}>
          <div className="space-y-4">
            <UsageBar label={t('smsToday')} used={client.usage.today} limit={client.usage.daily_limit} />
            <UsageBar label={t('smsPeriod')} used={client.usage.period} limit={client.usage.period_limit} />
          </div>
        </Card>
        <Card title={t('provider')}>
          <DetailList
            items={[
              [t('reseller'), reseller.name],
              [t('email'), reseller.email],
              [t('phone'), reseller.phone],
            ]}
          />
          <div className="mt-3">
            <ProviderContactLinks reseller={reseller} />
          </div>
        </Card>
      </div>
      <div className="mt-5">
        <PayProvider reseller={reseller} accounts={payment_accounts} />
      </div>
      <Card
        title={t('recent')}
        className="mt-5"
        actions={
          <div className="flex items-center gap-3">
            <AutoRefresh active={isMoving(recent.data)} />
            <Link href="/client/messages" className="text-sm font-medium text-brand-700 hover:underline">
              {t('allMessages')}
            </Link>
          </div>
        }
      >
        <MessageTable
          rows={recent.data}
          timeZone={settings.time_zone}
          country={phoneCountry(client.country, settings.default_country)}
          empty={{ title: t('noMessages'), body: <LinkButton href="/client/send">{t('sendFirst')}</LinkButton> }}
        />
      </Card>
    </>
  );
}
