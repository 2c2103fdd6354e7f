import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { type Column, DataList } from '@/components/data-list';
import { Badge, Card, LinkButton, PageHeader } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { compactParams, type RawSearchParams } from '@/lib/http/search-params';
import { getFormat } from '@/lib/i18n/server';
import type { CampaignView } from '@/lib/services/campaign-views';
import { listCampaigns } from '@/lib/services/campaigns';
import { listCampaignsQuery } from '@/lib/validation/campaigns';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('client.campaigns'))('title') };
}

export default async function CampaignsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { db, actor } = await requireRole('client');
  const raw = compactParams(await searchParams);
  const parsed = listCampaignsQuery.safeParse(raw);
  const q = parsed.success ? parsed.data : listCampaignsQuery.parse({});
  const [t, f, page] = await Promise.all([getTranslations('client.campaigns'), getFormat(), listCampaigns(db, actor, q)]);
  const columns: Column<CampaignView>[] = [
    {
      key: 'name',
      header: t('name'),
      label: false,
      cell: (c) => (
        <Link
          href={`/client/campaigns/${c.id}`}
          className="font-medium text-brand-700 hover:underline"
          data-testid={`campaign-link-${c.id}`}
        >
          {c.name}
        </Link>
      ),
    },
    { key: 'state', header: t('state'), cell: (c) => <Badge>{t(`states.${c.state}`)}</Badge> },
    { key: 'recipients', header: t('recipients'), align: 'right', cell: (c) => f.number(c.recipients) },
    {
      key: 'progress',
      header: t('progress'),
      from: 'md',
      cell: (c) =>
        t('progressLine', { sent: f.number(c.counts.sent + c.counts.delivered), failed: f.number(c.counts.failed + c.counts.expired) }),
    },
    { key: 'when', header: t('when'), from: 'md', cell: (c) => f.dateTime(c.started_at ?? c.scheduled_at ?? c.created_at) },
  ];
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} actions={<LinkButton href="/client/campaigns/new">{t('new')}</LinkButton>} />
      <Card title={t('listTitle', { count: page.pagination.total })}>
        <DataList
          testId="campaigns"
          caption={t('title')}
          rows={page.data}
          columns={columns}
          rowKey={(c) => c.id}
          rowTestId={(c) => `campaign-row-${c.id}`}
          empty={{ title: t('empty') }}
          page={page.pagination}
          nav={{ basePath: '/client/campaigns', query: {}, pageSizes: [20, 50, 100] }}
        />
      </Card>
    </>
  );
}
