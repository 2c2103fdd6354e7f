import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { DataList } from '@/components/data-list';
import { SearchBar } from '@/components/search-bar';
import { Badge, Card, PageHeader } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { compactParams, type RawSearchParams } from '@/lib/http/search-params';
import { getFormat } from '@/lib/i18n/server';
import { displayPhone, phoneCountry } from '@/lib/phone';
import { listThreads } from '@/lib/services/inbox';
import { clientPhoneCountry } from '@/lib/services/recipients';
import { inboxQuery } from '@/lib/validation/engagement';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('inbox'))('title') };
}

// Conversations per number (docs/engagement.md#inbox): the latest SMS either way and the unread count; a
// conversation opens with the reply box.
export default async function InboxPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { db, actor } = await requireRole('client');
  const sp = compactParams(await searchParams);
  const q =
    inboxQuery.safeParse({ page: sp.page, limit: 20, search: sp.search, unread: sp.unread }).data ?? inboxQuery.parse({ limit: 20 });
  const [page, t, f, country] = await Promise.all([
    listThreads(db, actor, q),
    getTranslations('inbox'),
    getFormat(),
    clientPhoneCountry(db, actor.userId),
  ]);
  const query: Record<string, string> = {};
  if (q.search) query.search = q.search;
  if (q.unread) query.unread = q.unread;
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Card>
        <SearchBar action="/client/inbox" search={q.search} placeholder={t('searchPlaceholder')}>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="unread" value="true" defaultChecked={q.unread === 'true'} />
            {t('unreadOnly')}
          </label>
        </SearchBar>
        <DataList
          rows={page.data}
          rowKey={(r) => r.phone}
          rowTestId={(r) => `thread-${r.phone}`}
          testId="inbox"
          caption={t('title')}
          empty={{ title: t('empty'), body: t('emptyHint') }}
          page={page.pagination}
          nav={{ basePath: '/client/inbox', query }}
          columns={[
            {
              key: 'from',
              header: t('from'),
              className: 'whitespace-nowrap',
              cell: (r) => (
                <Link href={`/client/inbox/${encodeURIComponent(r.phone)}`} className="font-medium underline" data-testid="thread-link">
                  {displayPhone(r.phone, phoneCountry(country))}
                </Link>
              ),
            },
            {
              key: 'message',
              header: t('lastMessage'),
              cell: (r) => (
                <p className="line-clamp-2 whitespace-pre-wrap break-words" data-testid="thread-last">
                  {r.last_direction === 'out' ? `${t('you')}: ` : ''}
                  {r.last_message}
                </p>
              ),
            },
            {
              key: 'unread',
              header: t('unread'),
              cell: (r) => (r.unread > 0 ? <Badge tone="blue">{t('unreadCount', { count: r.unread })}</Badge> : null),
            },
            { key: 'received', header: t('received'), className: 'whitespace-nowrap', cell: (r) => f.dateTime(r.last_at) },
          ]}
        />
      </Card>
    </>
  );
}
