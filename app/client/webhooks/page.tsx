import type { Metadata } from 'next';
import { useTranslations } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { ConfirmAction } from '@/components/client/confirm-action';
import { WebhookCreate } from '@/components/client/webhook-create';
import { InlineAction } from '@/components/inline-action';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui';
import { WEBHOOK_EVENTS } from '@/db/schema/messaging';
import { requireRole } from '@/lib/auth/session';
import { useFormat } from '@/lib/i18n/format';
import { getSettings } from '@/lib/services/settings';
import { type DeliveryView, listDeliveries, listWebhooks } from '@/lib/services/webhooks';
import { createWebhookAction, deleteWebhookAction, setWebhookEnabledAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('client.webhooks'))('title') };
}

const DELIVERY_TONE: Record<string, 'green' | 'amber' | 'red' | 'blue'> = {
  delivered: 'green',
  pending: 'amber',
  delivering: 'blue',
  failed: 'red',
};

function Deliveries({ rows, tz }: { rows: DeliveryView[]; tz: string }) {
  const t = useTranslations('client.webhooks');
  const st = useTranslations('deliveryStatus');
  const f = useFormat(tz);
  if (!rows.length) return <p className="text-sm text-slate-500">{t('noDeliveries')}</p>;
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {rows.map((d) => (
        <li key={d.id} className="flex flex-wrap items-start justify-between gap-2 py-2" data-testid={`delivery-${d.id}`}>
          <div className="min-w-0">
            <code className="text-xs">{d.event}</code>
            <p className="text-xs text-slate-500">
              {f.dateTime(d.created_at)} · {t('attempts', { count: d.attempts })}
              {d.last_status_code !== null ? ` · HTTP ${d.last_status_code}` : ''}
            </p>
            {d.last_error && <p className="break-all text-xs text-red-700">{d.last_error}</p>}
            {d.next_attempt_at && <p className="text-xs text-slate-500">{t('nextAttempt', { date: f.dateTime(d.next_attempt_at) })}</p>}
          </div>
          <Badge tone={DELIVERY_TONE[d.status] ?? 'slate'}>
            {st.has(d.status as Parameters<typeof st>[0]) ? st(d.status as Parameters<typeof st>[0]) : d.status}
          </Badge>
        </li>
      ))}
    </ul>
  );
}

export default async function WebhooksPage() {
  const { db, actor } = await requireRole('client');
  const [hooks, settings] = await Promise.all([listWebhooks(db, actor), getSettings(db)]);
  const deliveries = await Promise.all(hooks.map((h) => listDeliveries(db, actor, h.id, 10)));
  const tz = settings.time_zone;
  const t = await getTranslations('client.webhooks');
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <div className="grid gap-5 [&>*]:min-w-0 lg:grid-cols-5">
        <Card title={t('add')} className="lg:col-span-2">
          <WebhookCreate action={createWebhookAction} events={WEBHOOK_EVENTS} />
        </Card>
        <Card title={t('yours', { count: hooks.length })} className="lg:col-span-3">
          {hooks.length ? (
            <ul className="-my-4 divide-y divide-slate-100">
              {hooks.map((h, i) => (
                <li key={h.id} className="py-4" data-testid={`webhook-row-${h.id}`}>
                  <div className="flex flex-wrap items-start justify-between gap-3">
                    <div className="min-w-0 flex-1">
                      <p className="break-all font-mono text-sm">{h.url}</p>
                      <div className="mt-1 flex flex-wrap gap-1">
                        {h.enabled ? <Badge tone="green">{t('enabled')}</Badge> : <Badge tone="amber">{t('disabled')}</Badge>}
                        {h.events.map((e) => (
                          <Badge key={e}>{e}</Badge>
                        ))}
                      </div>
                    </div>
                    <div className="flex flex-wrap items-start gap-2">
                      <InlineAction
                        action={setWebhookEnabledAction}
                        fields={{ id: String(h.id), enabled: h.enabled ? 'false' : 'true' }}
                        label={h.enabled ? t('disable') : t('enable')}
                        testId={`webhook-toggle-${h.id}`}
                      />
                      <ConfirmAction
                        action={deleteWebhookAction}
                        fields={{ id: String(h.id) }}
                        label={t('delete')}
                        question={t('deleteQuestion')}
                        testId={`webhook-delete-${h.id}`}
                      />
                    </div>
                  </div>
                  <details className="mt-3 rounded-lg border border-slate-200 px-3 py-2">
                    <summary className="cursor-pointer text-sm font-medium">{t('recent', { count: deliveries[i].length })}</summary>
                    <div className="mt-2">
                      <Deliveries rows={deliveries[i]} tz={tz} />
                    </div>
                  </details>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState title={t('empty')}>{t('emptyBody')}</EmptyState>
          )}
        </Card>
      </div>
    </>
  );
}
