import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/action-form';
import { Card, EmptyState, PageHeader } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { DomainError } from '@/lib/errors';
import { getFormat } from '@/lib/i18n/server';
import { displayPhone, phoneCountry } from '@/lib/phone';
import { getThread } from '@/lib/services/inbox';
import { clientPhoneCountry } from '@/lib/services/recipients';
import { replyAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('inbox'))('conversation') };
}

// One conversation, newest first, both directions; opening it marks it read. The reply goes through the
// phone that received the latest SMS.
export default async function ConversationPage({ params }: { params: Promise<{ phone: string }> }) {
  const { db, actor } = await requireRole('client');
  const raw = decodeURIComponent((await params).phone);
  const [t, f, country] = await Promise.all([getTranslations('inbox'), getFormat(), clientPhoneCountry(db, actor.userId)]);
  const thread = await getThread(db, actor, raw).catch((err) => {
    if (err instanceof DomainError && err.code === 'not_found') return null;
    throw err;
  });
  const back = (
    <Link href="/client/inbox" className="text-sm underline">
      {t('backToInbox')}
    </Link>
  );
  if (!thread)
    return (
      <>
        <PageHeader title={t('conversation')} actions={back} />
        <EmptyState title={t('noConversation')} />
      </>
    );
  const who = displayPhone(thread.phone, phoneCountry(country));
  return (
    <>
      <PageHeader title={who} subtitle={t('conversation')} actions={back} />
      <Card>
        <ActionForm
          action={replyAction}
          testId="inbox-reply"
          columns={1}
          submitLabel={t('reply')}
          fields={[
            { name: 'phone', label: '', type: 'hidden', defaultValue: thread.phone },
            { name: 'message', label: t('replyLabel'), type: 'textarea', required: true, hint: t('replyHint') },
          ]}
        />
      </Card>
      <Card>
        <ol className="space-y-3" data-testid="conversation">
          {thread.data.map((m) => (
            <li
              key={`${m.direction}-${m.id}`}
              className={`max-w-prose rounded-lg px-3 py-2 text-sm ${m.direction === 'out' ? 'ml-auto bg-sky-50 text-right' : 'bg-slate-100'}`}
              data-testid={`conversation-${m.direction}`}
            >
              <p lang="my" className="whitespace-pre-wrap break-words">
                {m.unicode ?? m.message}
              </p>
              <p className="mt-1 text-xs text-slate-600">
                {m.direction === 'out' ? t('you') : who} · {f.dateTime(m.at)}
                {m.unicode ? ` · ${t('converted')}` : ''}
                {m.state ? ` · ${m.state}` : ''}
              </p>
            </li>
          ))}
        </ol>
      </Card>
    </>
  );
}
