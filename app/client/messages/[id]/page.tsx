import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AutoRefresh } from '@/components/client/auto-refresh';
import { MessageStateBadge } from '@/components/client/message-state';
import { InlineAction } from '@/components/inline-action';
import { Card, DetailList, PageHeader } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { DomainError } from '@/lib/errors';
import { getFormat } from '@/lib/i18n/server';
import { displayPhone } from '@/lib/phone';
import { deviceNameOf } from '@/lib/services/client-devices';
import { getMessage } from '@/lib/services/messages';
import { clientPhoneCountry } from '@/lib/services/recipients';
import { getSettings } from '@/lib/services/settings';
import { messageId } from '@/lib/validation/messages';
import { cancelMessageAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('client.message'))('title') };
}

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
  const [t, f, src] = await Promise.all([getTranslations('client.message'), getFormat(tz), getTranslations('messageSource')]);
  const source = m.source as Parameters<typeof src>[0];
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/client/messages" className="text-brand-700 hover:underline">
          ← {t('back')}
        </Link>
      </p>
      <PageHeader
        title={t('title')}
        subtitle={<span className="break-all font-mono text-xs">{m.id}</span>}
        actions={
          <div className="flex items-center gap-3">
            <AutoRefresh active={moving} />
            <MessageStateBadge state={m.state} testId={`message-state-${m.id}`} />
            {(m.state === 'pending' || m.state === 'processing') && (
              <InlineAction
                action={cancelMessageAction}
                fields={{ id: m.id }}
                label={t('cancel')}
                variant="secondary"
                testId="cancel-message"
              />
            )}
          </div>
        }
      />
      <div className="grid gap-5 [&>*]:min-w-0 lg:grid-cols-3">
        <Card title={t('content')} className="lg:col-span-2">
          <p className="whitespace-pre-wrap break-words rounded-lg bg-slate-50 p-3 text-sm">{m.message}</p>
          <div className="mt-4">
            <DetailList
              items={[
                [t('encoding'), m.encoding === 'gsm7' ? 'GSM-7' : 'Unicode (UCS-2)'],
                [t('perRecipient'), f.number(m.segments)],
                [t('source'), src.has(source) ? src(source) : m.source],
                [
                  t('device'),
                  m.device_id ? (
                    <span key="device" data-testid="message-device">
                      {device ? `${device.name}${device.removed ? ` ${t('removed')}` : ''}` : t('unknownPhone')}{' '}
                      <span className="break-all font-mono text-xs text-slate-500">{m.device_id}</span>
                    </span>
                  ) : (
                    t('anyDevice')
                  ),
                ],
                [t('created'), f.dateTime(m.created_at)],
                [t('validUntil'), f.dateTime(m.valid_until)],
                ...(m.error
                  ? [
                      [
                        t('error'),
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
        <Card title={t('timeline')}>
          <ol className="relative space-y-4 border-l border-slate-200 pl-4" data-testid="state-timeline">
            {timeline.map(([state, at]) => (
              <li key={state} className="relative">
                <span className="absolute -left-[1.3rem] top-1 h-2.5 w-2.5 rounded-full bg-brand-600 ring-4 ring-white" aria-hidden />
                <MessageStateBadge state={state} />
                <p className="mt-0.5 text-xs text-slate-500">{f.dateTime(at)}</p>
              </li>
            ))}
          </ol>
        </Card>
      </div>
      <Card title={t('recipients', { count: m.recipients.length })} className="mt-5">
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
