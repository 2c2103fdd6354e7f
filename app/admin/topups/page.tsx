import type { Metadata } from 'next';
import Link from 'next/link';
import { DataList } from '@/components/data-list';
import { paymentMethodLabel } from '@/components/payment-method';
import { PaidInto, SlipPreview } from '@/components/payments/slip-preview';
import { Card, Notice, PageHeader, StatusBadge } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { formatDateTime, formatMoney } from '@/lib/format';
import { listTopupRequests, type TopupRequestView } from '@/lib/services/topups';
import { listTopupsQuery, TOPUP_STATUSES } from '@/lib/validation/credit';
import { decideTopupAction } from './actions';
import { TopupDecision } from './topup-decision';

export const metadata: Metadata = { title: 'Top-up requests' };

const TABS = [...TOPUP_STATUSES, 'all'] as const;
type Tab = (typeof TABS)[number];
const TAB_LABEL: Record<Tab, string> = { pending: 'Pending', approved: 'Approved', rejected: 'Rejected', all: 'All' };

function Tabs({ current, resellerId }: { current: Tab; resellerId?: number }) {
  return (
    <nav aria-label="Request status" className="mb-4 flex gap-1 overflow-x-auto border-b border-slate-200 text-sm">
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
            {TAB_LABEL[t]}
          </Link>
        );
      })}
    </nav>
  );
}

function Decision({ r }: { r: TopupRequestView }) {
  return (
    <div className="space-y-1 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <StatusBadge status={r.status} />
        <span className="text-slate-600">
          by {r.decided_by_name ?? '—'} · {formatDateTime(r.decided_at)}
        </span>
      </div>
      {r.decision_note && (
        <p className="break-words text-slate-700">
          <span className="text-slate-500">{r.status === 'rejected' ? 'Reason: ' : 'Note: '}</span>
          {r.decision_note}
        </p>
      )}
      {r.ledger_entry_id !== null && <p className="text-xs text-slate-500">Ledger entry #{r.ledger_entry_id}</p>}
    </div>
  );
}

function RequestSummary({ r, tab }: { r: TopupRequestView; tab: Tab }) {
  return (
    <div className="min-w-0 space-y-1">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className="text-lg font-semibold tabular-nums">{formatMoney(r.amount)}</span>
        <Link href={`/admin/resellers/${r.reseller_id}`} className="font-medium text-brand-700 hover:underline">
          {r.reseller_name}
        </Link>
        {tab === 'all' && r.status === 'pending' && <StatusBadge status="pending" />}
      </div>
      <p className="break-words text-sm text-slate-600">
        {paymentMethodLabel(r.method)}
        {r.reference && (
          <>
            {' '}
            · Ref <span className="font-mono text-slate-800">{r.reference}</span>
          </>
        )}
      </p>
      <PaidInto r={r} />
      {r.note && <p className="break-words text-sm text-slate-700">“{r.note}”</p>}
      <p className="text-xs text-slate-500">
        Request #{r.id} · filed {formatDateTime(r.created_at)}
      </p>
    </div>
  );
}

export default async function TopupsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { db, actor } = await requireRole('admin');
  const sp = await searchParams;
  const tab: Tab = (TABS as readonly string[]).includes(sp.status) ? (sp.status as Tab) : 'pending';
  const q = listTopupsQuery.safeParse({ page: sp.page, reseller_id: sp.reseller_id || undefined }).data ?? listTopupsQuery.parse({});
  const page = await listTopupRequests(db, actor, { ...q, status: tab === 'all' ? undefined : tab });
  const decided = sp.decided && /^\d+$/.test(sp.decided) ? sp.decided : null;
  return (
    <>
      <PageHeader
        title="Top-up requests"
        subtitle="Resellers ask for credit here. Approving adds the amount to their balance; each request is decided once."
      />
      {decided && (
        <div className="mb-4">
          <Notice tone="success">
            {sp.outcome === 'approved'
              ? `Request #${decided} approved: the credit was added to the reseller's balance.`
              : `Request #${decided} rejected.`}
          </Notice>
        </div>
      )}
      <Card>
        <Tabs current={tab} resellerId={q.reseller_id} />
        {q.reseller_id && (
          <p className="mb-3 text-sm text-slate-600">
            One reseller only ·{' '}
            <Link className="text-brand-700 underline" href={tab === 'pending' ? '/admin/topups' : `/admin/topups?status=${tab}`}>
              show all resellers
            </Link>
          </p>
        )}
        <DataList
          rows={page.data}
          rowKey={(r) => r.id}
          rowTestId={(r) => `topup-row-${r.id}`}
          testId="topups-list"
          caption="Top-up requests"
          empty={{
            title: tab === 'pending' ? 'No pending requests.' : tab === 'all' ? 'No top-up requests yet.' : `No ${tab} requests.`,
            body: tab === 'pending' ? 'Requests resellers file from their Credit page appear here.' : undefined,
          }}
          page={page.pagination}
          nav={{
            basePath: '/admin/topups',
            query: { status: tab === 'pending' ? undefined : tab, reseller_id: q.reseller_id ? String(q.reseller_id) : undefined },
          }}
          columns={[
            { key: 'request', header: 'Request', label: false, className: 'align-top', cell: (r) => <RequestSummary r={r} tab={tab} /> },
            {
              key: 'decision',
              header: 'Decision',
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
