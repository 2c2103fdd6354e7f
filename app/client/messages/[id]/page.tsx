import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AutoRefresh } from '@/components/client/auto-refresh';
import { MessageStateBadge } from '@/components/client/message-state';
import { InlineAction } from '@/components/inline-action';
import { Card, DetailList, PageHeader } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { DomainError } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { displayPhone } from '@/lib/phone';
import { deviceNameOf } from '@/lib/services/client-devices';
import { getMessage } from '@/lib/services/messages';
import { clientPhoneCountry } from '@/lib/services/recipients';
import { getSettings } from '@/lib/services/settings';
import { messageId } from '@/lib/validation/messages';
import { cancelMessageAction } from '../actions';

export const metadata: Metadata = { title: 'Message' };

async function load(id: string) {
  const { db, actor } = await requireRole('client');
  const parsed = messageId.safeParse(id);
  if (!parsed.success) notFound();
  try {
    const [m, settings, country] = await Promise.all([
      getMessage(db, actor, parsed.data),
      getSettings(db),
      clientPhoneCountry(db, actor.userId),
    ]);
    const device = m.device_id ? await deviceNameOf(db, actor, m.device_id) : null;
    return { m, tz: settings.time_zone, device, country };
  } catch (err) {
    if (err instanceof DomainError && err.code === 'not_found') notFound();
    throw err;
  }
}

export default async function MessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { m, tz, device, country } = await load((await params).id);
  const timeline = Object.entries(m.states).sort((a, b) => a[1].localeCompare(b[1]));
  const moving = m.state === 'pending' || m.state === 'processing' || m.state === 'cancelling';
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/client/messages" className="text-brand-700 hover:underline">
          ← Messages
        </Link>
      </p>
      <PageHeader
        title="Message"
        subtitle={<span className="break-all font-mono text-xs">{m.id}</span>}
        actions={
          <div className="flex items-center gap-3">
            <AutoRefresh active={moving} />
            <MessageStateBadge state={m.state} testId={`message-state-${m.id}`} />
            {(m.state === 'pending' || m.state === 'processing') && (
              <InlineAction action={cancelMessageAction} fields={{ id: m.id }} label="Cancel" variant="secondary" testId="cancel-message" />
            )}
          </div>
        }
      />
      <div className="grid gap-5 [&>*]:min-w-0 lg:grid-cols-3">
        <Card title="Content" className="lg:col-span-2">
          <p className="whitespace-pre-wrap break-words rounded-lg bg-slate-50 p-3 text-sm">{m.message}</p>
          <div className="mt-4">
            <DetailList
              items={[
                ['Encoding', m.encoding === 'gsm7' ? 'GSM-7' : 'Unicode (UCS-2)'],
                ['SMS per recipient', m.segments],
                ['Source', m.source],
                [
                  'Device',
                  m.device_id ? (
                    <span key="device" data-testid="message-device">
                      {device ? `${device.name}${device.removed ? ' (removed)' : ''}` : 'Unknown phone'}{' '}
                      <span className="break-all font-mono text-xs text-slate-500">{m.device_id}</span>
                    </span>
                  ) : (
                    'Any device'
                  ),
                ],
                ['Created', formatDateTime(m.created_at, tz)],
                ['Valid until', formatDateTime(m.valid_until, tz)],
                ...(m.error
                  ? [
                      [
                        'Error',
                        <span key="e" className="text-red-700">
                          {m.error}
                        </span>,
                      ] as [string, React.ReactNode],
                    ]
                  : []),
              ]}
            />
          </div>
        </Card>
        <Card title="Timeline">
          <ol className="relative space-y-4 border-l border-slate-200 pl-4" data-testid="state-timeline">
            {timeline.map(([state, at]) => (
              <li key={state} className="relative">
                <span className="absolute -left-[1.3rem] top-1 h-2.5 w-2.5 rounded-full bg-brand-600 ring-4 ring-white" aria-hidden />
                <MessageStateBadge state={state} />
                <p className="mt-0.5 text-xs text-slate-500">{formatDateTime(at, tz)}</p>
              </li>
            ))}
          </ol>
        </Card>
      </div>
      <Card title={`Recipients (${m.recipients.length})`} className="mt-5">
        <ul className="divide-y divide-slate-100">
          {m.recipients.map((r, i) => (
            <li
              key={`${r.phone}-${i}`}
              className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
              data-testid={`recipient-${i}`}
            >
              <span className="font-mono">{displayPhone(r.phone, country)}</span>
              <span className="flex items-center gap-2">
                {r.error && <span className="text-xs text-red-700">{r.error}</span>}
                <MessageStateBadge state={r.state} />
              </span>
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}
