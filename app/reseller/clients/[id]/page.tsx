// /reseller/clients/:id — one client: activate / renew / switch with the cost preview, edit, reset the
// password, suspend, extend the trial, auto-renew, move credit to and from the client, history, usage and
// devices. Another reseller's client is a 404.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/action-form';
import { ActivationPanel } from '@/components/activation-panel';
import { InlineAction } from '@/components/inline-action';
import { ClientEngagement } from '@/components/reseller/client-engagement';
import { SubscriptionHistory } from '@/components/reseller/subscription-history';
import { UsageBar } from '@/components/reseller/usage-bar';
import { SuspendButton } from '@/components/suspend-button';
import { Badge, Card, DetailList, Notice, PageHeader, StatusBadge } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { DomainError } from '@/lib/errors';
import { daysLeft } from '@/lib/format';
import { getFormat } from '@/lib/i18n/server';
import { displayPhone } from '@/lib/phone';
import { previewActivation } from '@/lib/services/activation';
import { clientDevices } from '@/lib/services/client-devices';
import { getClient } from '@/lib/services/clients';
import { resellerCatalog } from '@/lib/services/pricing';
import { platformPhoneCountry } from '@/lib/services/recipients';
import { subscriptionHistory } from '@/lib/services/subscriptions';
import { idParam } from '@/lib/validation/common';
import {
  activateAction,
  autoRenewAction,
  extendTrialAction,
  resetPasswordAction,
  suspendAction,
  transferAction,
  updateClientAction,
} from '../../actions';

/** Examples of codes, not words: the same in every language. */
const COUNTRY_EXAMPLE = 'MM';
const ZONE_EXAMPLE = 'Asia/Yangon';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reseller.client'))('title') };
}

export default async function ClientDetailPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const { db, actor } = await requireRole('reseller');
  const id = idParam.safeParse((await params).id);
  if (!id.success) notFound();
  let client: Awaited<ReturnType<typeof getClient>>;
  try {
    client = await getClient(db, actor, id.data);
  } catch (err) {
    if (err instanceof DomainError && err.code === 'not_found') notFound();
    throw err;
  }
  const sp = await searchParams;
  const [catalog, country, t, tf, f] = await Promise.all([
    resellerCatalog(db, actor.userId),
    platformPhoneCountry(db),
    getTranslations('reseller.client'),
    getTranslations('reseller.clientFields'),
    getFormat(),
  ]);
  const [previews, history, devices] = await Promise.all([
    Promise.all(catalog.map((p) => previewActivation(db, actor, client.id, { package_type: p.package_type }))),
    subscriptionHistory(db, client.id),
    clientDevices(db, actor, client.id),
  ]);
  const names = new Map(catalog.map((p) => [p.package_type, p.display_name]));
  const until = client.package ? client.paid_until : client.trial_ends_at;
  const ref = { name: 'client_id', label: '', type: 'hidden' as const, defaultValue: String(client.id) };
  return (
    <>
      <PageHeader
        title={client.name}
        subtitle={
          <span className="break-all">
            {client.email} ·{' '}
            <span data-testid="client-status">
              <StatusBadge status={client.status} />
            </span>
          </span>
        }
        actions={<SuspendButton clientId={client.id} suspended={client.status === 'suspended'} action={suspendAction} />}
      />
      {sp.created && (
        <div className="mb-4">
          <Notice tone="success">{t('created', { date: f.date(client.trial_ends_at) })}</Notice>
        </div>
      )}
      <div className="grid gap-5 lg:grid-cols-5">
        <div id="activate" className="scroll-mt-28 lg:col-span-3">
          <Card title={t('activateTitle')}>
            <ActivationPanel
              clientId={client.id}
              previews={previews}
              current={client.package?.package_type ?? null}
              names={Object.fromEntries(names)}
              action={activateAction}
            />
          </Card>
        </div>
        <Card title={t('account')} className="lg:col-span-2">
          <DetailList
            items={[
              [
                t('package'),
                client.package
                  ? (names.get(client.package.package_type) ?? client.package.name)
                  : client.status === 'trial'
                    ? t('freeTrial')
                    : t('none'),
              ],
              [client.package ? t('paidUntil') : t('trialEnds'), t('until', { date: f.date(until), days: daysLeft(until) })],
              [t('phone'), displayPhone(client.phone, country) || '—'],
              [t('accountName'), client.account_name ?? '—'],
              [
                t('clientCredit'),
                <span key="c" data-testid="client-credit">
                  {f.money(client.credit_balance)}
                </span>,
              ],
              [t('autoRenew'), client.auto_renew ? t('on') : t('off')],
              [t('createdAt'), f.date(client.created_at)],
              [t('devices'), `${f.number(devices.length)} / ${f.number(client.usage.device_limit)}`],
            ]}
          />
          <div className="mt-5 space-y-3">
            <UsageBar label={t('today')} used={client.usage.today} limit={client.usage.daily_limit} testId="usage-today" />
            <UsageBar label={t('thisPeriod')} used={client.usage.period} limit={client.usage.period_limit} testId="usage-period" />
          </div>
        </Card>
      </div>

      <div className="mt-5 grid gap-5 lg:grid-cols-2">
        <Card title={t('clientCredit')}>
          <p className="mb-3 text-sm text-slate-600">
            {t.rich(client.auto_renew ? 'creditNoteAuto' : 'creditNote', {
              amount: f.money(client.credit_balance),
              b: (chunks) => <span className="font-semibold tabular-nums">{chunks}</span>,
            })}
          </p>
          <ActionForm
            action={transferAction}
            idPrefix="xfer-"
            testId="transfer-form"
            submitLabel={t('transfer')}
            fields={[
              ref,
              {
                name: 'direction',
                label: t('direction'),
                type: 'select',
                options: [
                  { value: 'give', label: t('give') },
                  { value: 'take', label: t('take') },
                ],
              },
              { name: 'amount', label: t('amount'), type: 'number', required: true, placeholder: '50000' },
              { name: 'note', label: t('note'), wide: true },
            ]}
          />
        </Card>
        <Card title={t('trialTitle')}>
          <ActionForm
            action={extendTrialAction}
            idPrefix="trial-"
            testId="extend-trial-form"
            submitLabel={t('extendTrial')}
            submitVariant="secondary"
            columns={1}
            fields={[
              ref,
              {
                name: 'days',
                label: t('extendBy'),
                type: 'number',
                required: true,
                defaultValue: '3',
                hint: t('trialEndsAt', { date: f.dateTime(client.trial_ends_at) }),
              },
            ]}
          />
          <div className="mt-5 flex flex-wrap items-center justify-between gap-3 border-t border-slate-100 pt-4">
            <div>
              <div className="text-sm font-medium">
                {t('autoRenew')} {client.auto_renew ? <Badge tone="green">{t('onLower')}</Badge> : <Badge>{t('offLower')}</Badge>}
              </div>
              <p className="text-xs text-slate-500">{t('autoRenewHint')}</p>
            </div>
            <InlineAction
              action={autoRenewAction}
              fields={{ client_id: String(client.id), auto_renew: client.auto_renew ? '0' : '1' }}
              label={client.auto_renew ? t('turnOff') : t('turnOn')}
              testId="auto-renew-toggle"
            />
          </div>
        </Card>
        <Card title={t('editTitle')}>
          <ActionForm
            action={updateClientAction}
            idPrefix="edit-"
            testId="edit-client-form"
            submitLabel={t('saveDetails')}
            fields={[
              ref,
              { name: 'name', label: tf('name'), required: true, defaultValue: client.name },
              { name: 'account_name', label: tf('accountName'), defaultValue: client.account_name ?? '' },
              { name: 'email', label: tf('email'), type: 'email', required: true, defaultValue: client.email },
              { name: 'phone', label: tf('phone'), type: 'tel', defaultValue: client.phone ?? '' },
              { name: 'country', label: tf('country'), defaultValue: client.country ?? '', placeholder: COUNTRY_EXAMPLE },
              { name: 'time_zone', label: tf('timeZone'), defaultValue: client.time_zone ?? '', placeholder: ZONE_EXAMPLE },
            ]}
          />
        </Card>
        <Card title={t('resetTitle')}>
          <ActionForm
            action={resetPasswordAction}
            idPrefix="pw-"
            testId="reset-password-form"
            submitLabel={t('setPassword')}
            submitVariant="secondary"
            columns={1}
            fields={[
              ref,
              { name: 'password', label: t('newPassword'), type: 'password', required: true, autoComplete: 'new-password' },
              {
                name: 'password_confirmation',
                label: t('confirmPassword'),
                type: 'password',
                required: true,
                autoComplete: 'new-password',
              },
            ]}
          />
        </Card>
      </div>

      <div className="mt-5 grid gap-5 lg:grid-cols-2">
        <ClientEngagement db={db} actor={actor} clientId={client.id} />
        <Card title={t('history')}>
          <SubscriptionHistory history={history} names={names} />
        </Card>
        <Card title={t('devices')}>
          {devices.length === 0 ? (
            <p className="text-sm text-slate-500">{t('noDevices')}</p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm" data-testid="client-devices">
              {devices.map((d) => (
                <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span className="min-w-0 break-words font-medium">
                    {d.name}
                    {!d.enabled && <span className="ml-2 text-xs font-normal text-slate-500">({t('disabled')})</span>}
                  </span>
                  <span className="flex items-center gap-2 text-slate-600">
                    <Badge tone={d.online ? 'green' : 'slate'}>{d.online ? t('online') : t('offline')}</Badge>
                    <span className="text-xs">{d.last_seen_at ? t('seen', { date: f.dateTime(d.last_seen_at) }) : t('neverSeen')}</span>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
