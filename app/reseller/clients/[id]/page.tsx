// /reseller/clients/:id — one client: activate / renew / switch with the cost preview, edit, reset the
// password, suspend, extend the trial, auto-renew, move credit to and from the client, history, usage and
// devices. Another reseller's client is a 404.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ActionForm } from '@/components/action-form';
import { ActivationPanel } from '@/components/activation-panel';
import { InlineAction } from '@/components/inline-action';
import { SubscriptionHistory } from '@/components/reseller/subscription-history';
import { UsageBar } from '@/components/reseller/usage-bar';
import { SuspendButton } from '@/components/suspend-button';
import { Badge, Card, DetailList, Notice, PageHeader, StatusBadge } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { DomainError } from '@/lib/errors';
import { daysLeft, formatDate, formatDateTime, formatMoney } from '@/lib/format';
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

export const metadata: Metadata = { title: 'Client' };

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
  const [catalog, country] = await Promise.all([resellerCatalog(db, actor.userId), platformPhoneCountry(db)]);
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
          <Notice tone="success">Client created with a free trial until {formatDate(client.trial_ends_at)}.</Notice>
        </div>
      )}
      <div className="grid gap-5 lg:grid-cols-5">
        <div id="activate" className="scroll-mt-28 lg:col-span-3">
          <Card title="Activate, renew or switch package">
            <ActivationPanel
              clientId={client.id}
              previews={previews}
              current={client.package?.package_type ?? null}
              names={Object.fromEntries(names)}
              action={activateAction}
            />
          </Card>
        </div>
        <Card title="Account" className="lg:col-span-2">
          <DetailList
            items={[
              [
                'Package',
                client.package
                  ? (names.get(client.package.package_type) ?? client.package.name)
                  : client.status === 'trial'
                    ? 'Free trial'
                    : 'None',
              ],
              [client.package ? 'Paid until' : 'Trial ends', `${formatDate(until)} (${daysLeft(until)} days left)`],
              ['Phone', displayPhone(client.phone, country) || '—'],
              ['Account name', client.account_name ?? '—'],
              [
                'Client credit',
                <span key="c" data-testid="client-credit">
                  {formatMoney(client.credit_balance)}
                </span>,
              ],
              ['Auto-renew', client.auto_renew ? 'On' : 'Off'],
              ['Created', formatDate(client.created_at)],
              ['Devices', `${devices.length} / ${client.usage.device_limit}`],
            ]}
          />
          <div className="mt-5 space-y-3">
            <UsageBar label="Today" used={client.usage.today} limit={client.usage.daily_limit} testId="usage-today" />
            <UsageBar label="This period" used={client.usage.period} limit={client.usage.period_limit} testId="usage-period" />
          </div>
        </Card>
      </div>

      <div className="mt-5 grid gap-5 lg:grid-cols-2">
        <Card title="Client credit">
          <p className="mb-3 text-sm text-slate-600">
            Balance <span className="font-semibold tabular-nums">{formatMoney(client.credit_balance)}</span>. The client can renew its own
            package from it{client.auto_renew ? ', and auto-renews at expiry' : ''}.
          </p>
          <ActionForm
            action={transferAction}
            idPrefix="xfer-"
            testId="transfer-form"
            submitLabel="Transfer"
            fields={[
              ref,
              {
                name: 'direction',
                label: 'Direction',
                type: 'select',
                options: [
                  { value: 'give', label: 'Give to client' },
                  { value: 'take', label: 'Take back from client' },
                ],
              },
              { name: 'amount', label: 'Amount (MMK)', type: 'number', required: true, placeholder: '50000' },
              { name: 'note', label: 'Note', wide: true },
            ]}
          />
        </Card>
        <Card title="Trial and renewal">
          <ActionForm
            action={extendTrialAction}
            idPrefix="trial-"
            testId="extend-trial-form"
            submitLabel="Extend trial"
            submitVariant="secondary"
            columns={1}
            fields={[
              ref,
              {
                name: 'days',
                label: 'Extend trial by (days, 1–30)',
                type: 'number',
                required: true,
                defaultValue: '3',
                hint: `Trial ends ${formatDateTime(client.trial_ends_at)}`,
              },
            ]}
          />
          <div className="mt-5 flex flex-wrap items-center justify-between gap-3 border-t border-slate-100 pt-4">
            <div>
              <div className="text-sm font-medium">
                Auto-renew {client.auto_renew ? <Badge tone="green">on</Badge> : <Badge>off</Badge>}
              </div>
              <p className="text-xs text-slate-500">Renews the same package from the client&apos;s own credit at expiry.</p>
            </div>
            <InlineAction
              action={autoRenewAction}
              fields={{ client_id: String(client.id), auto_renew: client.auto_renew ? '0' : '1' }}
              label={client.auto_renew ? 'Turn off' : 'Turn on'}
              testId="auto-renew-toggle"
            />
          </div>
        </Card>
        <Card title="Edit details">
          <ActionForm
            action={updateClientAction}
            idPrefix="edit-"
            testId="edit-client-form"
            submitLabel="Save details"
            fields={[
              ref,
              { name: 'name', label: 'Contact name', required: true, defaultValue: client.name },
              { name: 'account_name', label: 'Account / company name', defaultValue: client.account_name ?? '' },
              { name: 'email', label: 'Login email', type: 'email', required: true, defaultValue: client.email },
              { name: 'phone', label: 'Mobile (with country code)', type: 'tel', defaultValue: client.phone ?? '' },
              { name: 'country', label: 'Country code', defaultValue: client.country ?? '', placeholder: 'MM' },
              { name: 'time_zone', label: 'Time zone', defaultValue: client.time_zone ?? '', placeholder: 'Asia/Yangon' },
            ]}
          />
        </Card>
        <Card title="Reset password">
          <ActionForm
            action={resetPasswordAction}
            idPrefix="pw-"
            testId="reset-password-form"
            submitLabel="Set new password"
            submitVariant="secondary"
            columns={1}
            fields={[
              ref,
              { name: 'password', label: 'New password (min 6)', type: 'password', required: true, autoComplete: 'new-password' },
              {
                name: 'password_confirmation',
                label: 'Confirm new password',
                type: 'password',
                required: true,
                autoComplete: 'new-password',
              },
            ]}
          />
        </Card>
      </div>

      <div className="mt-5 grid gap-5 lg:grid-cols-2">
        <Card title="Subscription history">
          <SubscriptionHistory history={history} names={names} />
        </Card>
        <Card title="Devices">
          {devices.length === 0 ? (
            <p className="text-sm text-slate-500">No gateway phone registered yet. The client pairs its phones from its own portal.</p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm" data-testid="client-devices">
              {devices.map((d) => (
                <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span className="min-w-0 break-words font-medium">
                    {d.name}
                    {!d.enabled && <span className="ml-2 text-xs font-normal text-slate-500">(disabled)</span>}
                  </span>
                  <span className="flex items-center gap-2 text-slate-600">
                    <Badge tone={d.online ? 'green' : 'slate'}>{d.online ? 'online' : 'offline'}</Badge>
                    <span className="text-xs">{d.last_seen_at ? `seen ${formatDateTime(d.last_seen_at)}` : 'never seen'}</span>
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
