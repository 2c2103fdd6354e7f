import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/action-form';
import { DataList } from '@/components/data-list';
import { InlineAction } from '@/components/inline-action';
import { SearchBar } from '@/components/search-bar';
import { Badge, Card, PageHeader } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { compactParams, type RawSearchParams } from '@/lib/http/search-params';
import { getFormat } from '@/lib/i18n/server';
import { displayPhone, phoneCountry } from '@/lib/phone';
import { listBlocklist } from '@/lib/services/blocklist';
import { clientPhoneCountry } from '@/lib/services/recipients';
import { listStopWords } from '@/lib/services/stop-words';
import { blocklistQuery } from '@/lib/validation/engagement';
import { addStopWordAction, blockAction, removeStopWordAction, unblockAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('client.blocklist'))('title') };
}

// Opt-out (docs/engagement.md): the numbers no send reaches, and the words that put a sender on the list.
export default async function BlocklistPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { db, actor } = await requireRole('client');
  const sp = compactParams(await searchParams);
  const q = blocklistQuery.safeParse({ page: sp.page, limit: 20, search: sp.search }).data ?? blocklistQuery.parse({ limit: 20 });
  const [page, words, t, f, country] = await Promise.all([
    listBlocklist(db, actor, q),
    listStopWords(db, actor),
    getTranslations('client.blocklist'),
    getFormat(),
    clientPhoneCountry(db, actor.userId),
  ]);
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t('addTitle')}>
          <ActionForm
            action={blockAction}
            testId="block-form"
            columns={1}
            submitLabel={t('block')}
            fields={[{ name: 'phone', label: t('phone'), type: 'tel', required: true, placeholder: '09 420 000 202' }]}
          />
        </Card>
        <Card title={t('stopWords')}>
          <p className="mb-2 text-sm text-slate-600">{t('stopWordsHint')}</p>
          {/* What a customer texts, as written: never translated (nor by the browser). */}
          <ul className="mb-3 flex flex-wrap gap-2" data-testid="builtin-stop-words" translate="no">
            {words.builtin.map((w) => (
              <li key={w}>
                <Badge>{w}</Badge>
              </li>
            ))}
          </ul>
          <ul className="mb-3 space-y-2" data-testid="own-stop-words" translate="no">
            {words.own.map((w) => (
              <li key={w} className="flex items-center justify-between gap-2">
                <Badge tone="blue">{w}</Badge>
                <InlineAction action={removeStopWordAction} fields={{ word: w }} label={t('remove')} />
              </li>
            ))}
          </ul>
          <ActionForm
            action={addStopWordAction}
            testId="stop-word-form"
            columns={1}
            submitLabel={t('addWord')}
            fields={[{ name: 'word', label: t('word'), required: true }]}
          />
        </Card>
      </div>
      <Card title={t('listTitle')}>
        <SearchBar action="/client/blocklist" search={q.search} />
        <DataList
          rows={page.data}
          rowKey={(r) => r.phone}
          rowTestId={(r) => `blocked-${r.phone}`}
          testId="blocklist"
          caption={t('listTitle')}
          empty={{ title: t('empty'), body: t('emptyHint') }}
          page={page.pagination}
          nav={{ basePath: '/client/blocklist', query: q.search ? { search: q.search } : {} }}
          columns={[
            { key: 'phone', header: t('phone'), className: 'whitespace-nowrap', cell: (r) => displayPhone(r.phone, phoneCountry(country)) },
            { key: 'source', header: t('source'), cell: (r) => (r.source === 'stop_word' ? t('sourceStopWord') : t('sourceManual')) },
            { key: 'at', header: t('since'), className: 'whitespace-nowrap', cell: (r) => f.dateTime(r.created_at) },
            {
              key: 'actions',
              header: '',
              cell: (r) => <InlineAction action={unblockAction} fields={{ phone: r.phone }} label={t('unblock')} testId="unblock" />,
            },
          ]}
        />
      </Card>
    </>
  );
}
