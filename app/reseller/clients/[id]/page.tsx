import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ActivationPanel } from '@/components/activation-panel';
import { SuspendButton } from '@/components/suspend-button';
import { Card, DetailList, Notice, PageHeader, StatusBadge } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { DomainError } from '@/lib/errors';
import { daysLeft, formatDate, formatMoney } from '@/lib/format';
import { previewActivation } from '@/lib/services/activation';
import { getClient } from '@/lib/services/clients';
import { listPackages } from '@/lib/services/packages';
import { subscriptionHistory } from '@/lib/services/subscriptions';
import { idParam } from '@/lib/validation/common';
import { activateAction, suspendAction } from '../../actions';

export const metadata: Metadata = { title: 'Client' };

export default async function ClientDetailPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string>> }) {
  const { db, actor } = await requireRole('reseller');
  const id = idParam.safeParse((await params).id);
  if (!id.success) notFound();
  let client;
  try {
    client = await getClient(db, actor, id.data);
  } catch (err) {
    if (err instanceof DomainError && err.code === 'not_found') notFound();
    throw err;
  }
  const sp = await searchParams;
  const packages = await listPackages(db, actor);
  const previews = await Promise.all(packages.map((p) => previewActivation(db, actor, client.id, { package_type: p.package_type })));
  const history = await subscriptionHistory(db, client.id);
  const until = client.package ? client.paid_until : client.trial_ends_at;
  return (
    <>
      <PageHeader
        title={client.name}
        subtitle={<>{client.email} · <span data-testid="client-status"><StatusBadge status={client.status} /></span></>}
        actions={<SuspendButton clientId={client.id} suspended={client.status === 'suspended'} action={suspendAction} />}
      />
      {sp.created && <div className="mb-4"><Notice tone="success">Client created with a free trial until {formatDate(client.trial_ends_at)}.</Notice></div>}
      <div className="grid gap-5 lg:grid-cols-5">
        <Card title="Activate, renew or switch package" className="lg:col-span-3">
          <ActivationPanel clientId={client.id} previews={previews} action={activateAction} />
        </Card>
        <Card title="Account" className="lg:col-span-2">
          <DetailList items={[
            ['Package', client.package?.name ?? (client.status === 'trial' ? 'Free trial' : 'None')],
            [client.package ? 'Paid until' : 'Trial ends', `${formatDate(until)} (${daysLeft(until)} days left)`],
            ['Daily limit', `${client.usage.today} / ${client.usage.daily_limit} SMS`],
            ['Period limit', `${client.usage.period} / ${client.usage.period_limit} SMS`],
            ['Phone', client.phone ?? '—'],
            ['Account name', client.account_name ?? '—'],
            ['Client credit', formatMoney(client.credit_balance)],
            ['Created', formatDate(client.created_at)],
          ]} />
        </Card>
      </div>
      <Card title="Subscription history" className="mt-5">
        {history.length === 0 ? <p className="text-sm text-slate-500">No package activated yet.</p> : (
          <ul className="divide-y divide-slate-100 text-sm">
            {history.map((s) => (
              <li key={s.id} className="flex flex-wrap justify-between gap-2 py-2">
                <span><span className="font-medium">{s.packageName}</span> <span className="text-slate-500">({s.kind})</span></span>
                <span className="tabular-nums text-slate-600">
                  {formatDate(s.startsAt)} – {formatDate(s.canceledAt ?? s.endsAt)} · {formatMoney(s.price)}
                  {s.refundAmount > 0 && <span className="text-emerald-700"> · refunded {formatMoney(s.refundAmount)}</span>}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
