import type { Metadata } from 'next';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { DataList } from '@/components/data-list';

import { PaidInto, SlipPreview } from '@/components/payments/slip-preview';
import { Card, Notice, PageHeader, StatusBadge } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { useFormat } from '@/lib/i18n/format';
import { listTopupRequests, type TopupRequestView } from '@/lib/services/topups';
import { listTopupsQuery, TOPUP_STATUSES } from '@/lib/validation/credit';
import { decideTopupAction } from './actions';
import { TopupDecision } from './topup-decision';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.topups'))('title') };
}

const TABS = [...TOPUP_STATUSES, 'all'] as const;
type Tab = (typeof TABS)[number];

function Tabs({ current, resellerId }: { current: Tab; resellerId?: number }) {
  const tr = useTranslations('admin.topups');
  return (
    <nav aria-label={tr('tabsLabel')} className="mb-4 flex gap-1 overflow-x-auto border-b border-slate-200 text-sm">
      {TABS.map((t) => {
        const q = new URLSearchParams();
        if (t !== 'pending') q.set('status', t);
        if (resellerId) q.set('reseller_id', String(resellerId));
        const qs = q.toString();
        const active = t === current;
        return (
          <Link
            key={t}
            href={`/admin/topups${qs ? `?${qs}` : ''}`}
            aria-current={active ? 'page' : undefined}
            className={`-mb-px whitespace-nowrap border-b-2 px-3 py-2 font-medium ${active ? 'border-brand-600 text-brand-700' : 'border-transparent text-slate-500 hover:text-slate-800'}`}
          >
            {tr(`tab.${t}`)}
          </Link>
        );
      })}
    </nav>
  );
}

function Decision({ r }: { r: TopupRequestView }) {
  const t = useTranslations('admin.topups');
  const f = useFormat();
  return (
    <div className="space-y-1 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <StatusBadge status={r.status} />
        <span className="text-slate-600">{t('decidedBy', { name: r.decided_by_name ?? '—', date: f.dateTime(r.decided_at) })}</span>
      </div>
      {r.decision_note && (
        <p className="break-words text-slate-700">
          <span className="text-slate-500">{r.status === 'rejected' ? t('reason') : t('note')} </span>
          {r.decision_note}
        </p>
      )}
      {r.ledger_entry_id !== null && <p className="text-xs text-slate-500">{t('ledgerEntry', { id: r.ledger_entry_id })}</p>}
    </div>
  );
}

function RequestSummary({ r, tab }: { r: TopupRequestView; tab: Tab }) {
  const t = useTranslations('admin.topups');
  const tm = useTranslations('payments.method');
  const f = useFormat();
  return (
    <div className="min-w-0 space-y-1">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className="text-lg font-semibold tabular-nums">{f.money(r.amount)}</span>
        <Link href={`/admin/resellers/${r.reseller_id}`} className="font-medium text-brand-700 hover:underline">
          {r.reseller_name}
        </Link>
        {tab === 'all' && r.status === 'pending' && <StatusBadge status="pending" />}
      </div>
      <p className="break-words text-sm text-slate-600">
        {r.method ? (tm.has(r.method as 'other') ? tm(r.method as 'other') : r.method) : '—'}
        {r.reference && (
          <>
            {' '}
            · {t('ref')} <span className="font-mono text-slate-800">{r.reference}</span>
          </>
        )}
      </p>
      <PaidInto r={r} />
      {r.note && <p className="break-words text-sm text-slate-700">“{r.note}”</p>}
      <p className="text-xs text-slate-500">{t('filed', { id: r.id, date: f.dateTime(r.created_at) })}</p>
    </div>
  );
}

export default async function TopupsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { db, actor } = await requireRole('admin');
  const sp = await searchParams;
  const tab: Tab = (TABS as readonly string[]).includes(sp.status) ? (sp.status as Tab) : 'pending';
  const q = listTopupsQuery.safeParse({ page: sp.page, reseller_id: sp.reseller_id || undefined }).data ?? listTopupsQuery.parse({});
  const [page, t] = await Promise.all([
    listTopupRequests(db, actor, { ...q, status: tab === 'all' ? undefined : tab }),
    getTranslations('admin.topups'),
  ]);
  const decided = sp.decided && /^\d+$/.test(sp.decided) ? sp.decided : null;
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      {decided && (
        <div className="mb-4">
          <Notice tone="success">{sp.outcome === 'approved' ? t('approved', { id: decided }) : t('rejected', { id: decided })}</Notice>
        </div>
      )}
      <Card>
        <Tabs current={tab} resellerId={q.reseller_id} />
        {q.reseller_id && (
          <p className="mb-3 text-sm text-slate-600">
            {t('oneReseller')} ·{' '}
            <Link className="text-brand-700 underline" href={tab === 'pending' ? '/admin/topups' : `/admin/topups?status=${tab}`}>
              {t('showAll')}
            </Link>
          </p>
        )}
        <DataList
          rows={page.data}
          rowKey={(r) => r.id}
          rowTestId={(r) => `topup-row-${r.id}`}
          testId="topups-list"
          caption={t('title')}
          empty={{
            title: t(`empty.${tab}`),
            body: tab === 'pending' ? t('emptyBody') : undefined,
          }}
          page={page.pagination}
          nav={{
            basePath: '/admin/topups',
            query: { status: tab === 'pending' ? undefined : tab, reseller_id: q.reseller_id ? String(q.reseller_id) : undefined },
          }}
          columns={[
            { key: 'request', header: t('request'), label: false, className: 'align-top', cell: (r) => <RequestSummary r={r} tab={tab} /> },
            {
              key: 'decision',
              header: t('decision'),
              label: false,
              className: 'align-top sm:w-72',
              cell: (r) => (
                <>
                  <SlipPreview r={r} />
                  {r.status === 'pending' ? <TopupDecision id={r.id} tab={tab} action={decideTopupAction} /> : <Decision r={r} />}
                </>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
