import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { DataList } from '@/components/data-list';
import { Card, PageHeader } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { compactParams, type RawSearchParams } from '@/lib/http/search-params';
import { getFormat } from '@/lib/i18n/server';
import { displayPhone, phoneCountry } from '@/lib/phone';
import { listInbound } from '@/lib/services/inbound';
import { clientPhoneCountry } from '@/lib/services/recipients';
import { pagination } from '@/lib/validation/common';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('inbox'))('title') };
}

// Received SMS as they came; a Zawgyi one is shown in Unicode with the original one click away (docs/zawgyi.md).
export default async function InboxPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { db, actor } = await requireRole('client');
  const sp = compactParams(await searchParams);
  const q = pagination.safeParse({ page: sp.page, limit: 20 }).data ?? pagination.parse({ limit: 20 });
  const [page, t, f, country] = await Promise.all([
    listInbound(db, actor, q),
    getTranslations('inbox'),
    getFormat(),
    clientPhoneCountry(db, actor.userId),
  ]);
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Card>
        <DataList
          rows={page.data}
          rowKey={(r) => r.id}
          rowTestId={(r) => `inbound-${r.id}`}
          testId="inbox"
          caption={t('title')}
          empty={{ title: t('empty'), body: t('emptyHint') }}
          page={page.pagination}
          nav={{ basePath: '/client/inbox', query: {} }}
          columns={[
            { key: 'from', header: t('from'), className: 'whitespace-nowrap', cell: (r) => displayPhone(r.phone, phoneCountry(country)) },
            {
              key: 'message',
              header: t('message'),
              cell: (r) =>
                r.unicode ? (
                  <div className="min-w-0">
                    <p lang="my" className="whitespace-pre-wrap break-words" data-testid="inbound-text">
                      {r.unicode}
                    </p>
                    <details className="mt-1 text-xs text-slate-600">
                      <summary className="cursor-pointer">
                        {t('converted')} · {t('showOriginal')}
                      </summary>
                      <p lang="my" className="mt-1 whitespace-pre-wrap break-words" data-testid="inbound-original">
                        {r.message}
                      </p>
                    </details>
                  </div>
                ) : (
                  <p className="whitespace-pre-wrap break-words" data-testid="inbound-text">
                    {r.message}
                  </p>
                ),
            },
            { key: 'received', header: t('received'), className: 'whitespace-nowrap', cell: (r) => f.dateTime(r.received_at) },
          ]}
        />
      </Card>
    </>
  );
}
