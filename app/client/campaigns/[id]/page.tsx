import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AutoRefresh } from '@/components/client/auto-refresh';
import { ConfirmAction } from '@/components/client/confirm-action';
import { type Column, DataList } from '@/components/data-list';
import { Badge, buttonClass, Card, DetailList, Notice, PageHeader } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { DomainError } from '@/lib/errors';
import { compactParams, type RawSearchParams } from '@/lib/http/search-params';
import { getFormat } from '@/lib/i18n/server';
import { displayPhone } from '@/lib/phone';
import { campaignRecipients, type RecipientReportRow } from '@/lib/services/campaign-report';
import { getCampaign } from '@/lib/services/campaigns';
import { clientPhoneCountry } from '@/lib/services/recipients';
import { pagination } from '@/lib/validation/common';
import { cancelCampaignAction, resendFailedAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('client.campaigns'))('title') };
}

const BARS = [
  ['delivered', 'bg-emerald-600'],
  ['sent', 'bg-emerald-400'],
  ['queued', 'bg-sky-400'],
  ['failed', 'bg-red-500'],
  ['expired', 'bg-amber-500'],
  ['cancelled', 'bg-slate-400'],
] as const;

export default async function CampaignPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { db, actor } = await requireRole('client');
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const raw = compactParams(await searchParams);
  const q = pagination.safeParse(raw).data ?? pagination.parse({});
  const c = await getCampaign(db, actor, id).catch((err) => {
    if (err instanceof DomainError && err.code === 'not_found') notFound();
    throw err;
  });
  const [t, f, page, country] = await Promise.all([
    getTranslations('client.campaigns'),
    getFormat(),
    campaignRecipients(db, actor, id, { page: q.page, limit: q.limit }),
    clientPhoneCountry(db, actor.userId),
  ]);
  const total = Math.max(1, c.recipients);
  const columns: Column<RecipientReportRow>[] = [
    { key: 'phone', header: t('phone'), label: false, cell: (r) => <span className="tabular-nums">{displayPhone(r.phone, country)}</span> },
    { key: 'name', header: t('contactName'), from: 'md', cell: (r) => r.name ?? '' },
    {
      key: 'state',
      header: t('state'),
      cell: (r) => {
        const key = `recipientStates.${r.state}` as 'recipientStates.pending';
        return <Badge>{t.has(key) ? t(key) : r.state}</Badge>;
      },
    },
    { key: 'text', header: t('text'), from: 'lg', cell: (r) => <span className="text-xs text-slate-600">{r.text}</span> },
    { key: 'error', header: t('error'), from: 'lg', cell: (r) => r.error ?? '' },
  ];
  const active = c.state === 'scheduled' || c.state === 'sending';
  return (
    <>
      <AutoRefresh active={active} />
      <PageHeader
        title={c.name}
        subtitle={t(`states.${c.state}`)}
        actions={
          <div className="flex flex-wrap gap-2">
            <a href={`/client/campaigns/${c.id}/recipients.csv`} className={buttonClass('secondary')} data-testid="campaign-csv">
              {t('downloadCsv')}
            </a>
            {c.counts.failed + c.counts.expired > 0 && (
              <ConfirmAction
                action={resendFailedAction}
                fields={{ id: String(c.id) }}
                label={t('resendFailed')}
                question={t('resendQuestion')}
                testId="campaign-resend"
              />
            )}
            {active && (
              <ConfirmAction
                action={cancelCampaignAction}
                fields={{ id: String(c.id) }}
                label={t('cancel')}
                question={t('cancelQuestion')}
                testId="campaign-cancel"
              />
            )}
          </div>
        }
      />
      {c.state === 'refused' && (
        <div className="mb-4" data-testid="campaign-refused">
          <Notice tone="error">{t('refused', { reason: String(c.reason?.message ?? '') })}</Notice>
        </div>
      )}
      <div className="grid gap-5 [&>*]:min-w-0 lg:grid-cols-3">
        <Card title={t('progress')} className="lg:col-span-2">
          <div className="flex h-4 w-full overflow-hidden rounded bg-slate-100" data-testid="campaign-progress">
            {BARS.map(([k, color]) => (
              <div key={k} className={color} style={{ width: `${(100 * c.counts[k]) / total}%` }} title={t(`counts.${k}`)} />
            ))}
          </div>
          <ul className="mt-3 grid grid-cols-2 gap-2 text-sm sm:grid-cols-4" data-testid="campaign-counts">
            {[...BARS.map(([k]) => k), 'skipped' as const].map((k) => (
              <li key={k} data-testid={`count-${k}`}>
                <span className="text-slate-500">{t(`counts.${k}`)}</span>{' '}
                <span className="font-semibold tabular-nums">{f.number(c.counts[k])}</span>
              </li>
            ))}
          </ul>
        </Card>
        <Card title={t('details')}>
          <DetailList
            items={[
              [t('recipients'), f.number(c.recipients)],
              [
                t('skippedDetail'),
                t('skippedLine', { opted_out: c.skipped.opted_out, duplicate: c.skipped.duplicate, invalid: c.skipped.invalid }),
              ],
              [t('scheduledAt'), c.scheduled_at ? f.dateTime(c.scheduled_at) : t('now')],
              [
                t('text'),
                <span key="text" className="whitespace-pre-wrap break-words">
                  {c.text}
                </span>,
              ],
            ]}
          />
        </Card>
      </div>
      <div className="mt-5">
        <Card title={t('recipientsTitle')}>
          <DataList
            testId="campaign-recipients"
            caption={t('recipientsTitle')}
            rows={page.data}
            columns={columns}
            rowKey={(r) => r.position}
            rowTestId={(r) => `recipient-row-${r.position}`}
            empty={{ title: t('noRecipients') }}
            page={page.pagination}
            nav={{ basePath: `/client/campaigns/${c.id}`, query: {}, pageSizes: [20, 50, 100] }}
          />
        </Card>
      </div>
    </>
  );
}
