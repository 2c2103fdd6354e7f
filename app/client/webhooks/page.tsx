import type { Metadata } from 'next';
import { ConfirmAction } from '@/components/client/confirm-action';
import { WebhookCreate } from '@/components/client/webhook-create';
import { InlineAction } from '@/components/inline-action';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui';
import { WEBHOOK_EVENTS } from '@/db/schema/messaging';
import { requireRole } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format';
import { getSettings } from '@/lib/services/settings';
import { type DeliveryView, listDeliveries, listWebhooks } from '@/lib/services/webhooks';
import { createWebhookAction, deleteWebhookAction, setWebhookEnabledAction } from './actions';

export const metadata: Metadata = { title: 'Webhooks' };

const DELIVERY_TONE: Record<string, 'green' | 'amber' | 'red' | 'blue'> = {
  delivered: 'green',
  pending: 'amber',
  delivering: 'blue',
  failed: 'red',
};

function Deliveries({ rows, tz }: { rows: DeliveryView[]; tz: string }) {
  if (!rows.length) return <p className="text-sm text-slate-500">No deliveries yet. Events are sent when your messages change state.</p>;
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {rows.map((d) => (
        <li key={d.id} className="flex flex-wrap items-start justify-between gap-2 py-2" data-testid={`delivery-${d.id}`}>
          <div className="min-w-0">
            <code className="text-xs">{d.event}</code>
            <p className="text-xs text-slate-500">
              {formatDateTime(d.created_at, tz)} · {d.attempts} attempt{d.attempts === 1 ? '' : 's'}
              {d.last_status_code !== null ? ` · HTTP ${d.last_status_code}` : ''}
            </p>
            {d.last_error && <p className="break-all text-xs text-red-700">{d.last_error}</p>}
            {d.next_attempt_at && <p className="text-xs text-slate-500">Next attempt {formatDateTime(d.next_attempt_at, tz)}</p>}
          </div>
          <Badge tone={DELIVERY_TONE[d.status] ?? 'slate'}>{d.status}</Badge>
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
  return (
    <>
      <PageHeader title="Webhooks" subtitle="We POST message events to your server as they happen." />
      <div className="grid gap-5 [&>*]:min-w-0 lg:grid-cols-5">
        <Card title="Add a webhook" className="lg:col-span-2">
          <WebhookCreate action={createWebhookAction} events={WEBHOOK_EVENTS} />
        </Card>
        <Card title={`Your webhooks (${hooks.length})`} className="lg:col-span-3">
          {hooks.length ? (
            <ul className="-my-4 divide-y divide-slate-100">
              {hooks.map((h, i) => (
                <li key={h.id} className="py-4" data-testid={`webhook-row-${h.id}`}>
                  <div className="flex flex-wrap items-start justify-between gap-3">
                    <div className="min-w-0 flex-1">
                      <p className="break-all font-mono text-sm">{h.url}</p>
                      <div className="mt-1 flex flex-wrap gap-1">
                        {h.enabled ? <Badge tone="green">enabled</Badge> : <Badge tone="amber">disabled</Badge>}
                        {h.events.map((e) => (
                          <Badge key={e}>{e}</Badge>
                        ))}
                      </div>
                    </div>
                    <div className="flex flex-wrap items-start gap-2">
                      <InlineAction
                        action={setWebhookEnabledAction}
                        fields={{ id: String(h.id), enabled: h.enabled ? 'false' : 'true' }}
                        label={h.enabled ? 'Disable' : 'Enable'}
                        testId={`webhook-toggle-${h.id}`}
                      />
                      <ConfirmAction
                        action={deleteWebhookAction}
                        fields={{ id: String(h.id) }}
                        label="Delete"
                        question="Delete this webhook?"
                        testId={`webhook-delete-${h.id}`}
                      />
                    </div>
                  </div>
                  <details className="mt-3 rounded-lg border border-slate-200 px-3 py-2">
                    <summary className="cursor-pointer text-sm font-medium">Recent deliveries ({deliveries[i].length})</summary>
                    <div className="mt-2">
                      <Deliveries rows={deliveries[i]} tz={tz} />
                    </div>
                  </details>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState title="No webhooks yet">Add one to hear about sent, delivered and failed messages.</EmptyState>
          )}
        </Card>
      </div>
    </>
  );
}
