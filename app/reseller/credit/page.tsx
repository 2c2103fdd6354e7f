import type { Metadata } from 'next';
import { ActionForm } from '@/components/action-form';
import { LedgerTable } from '@/components/ledger-table';
import { Pagination } from '@/components/pagination';
import { paymentMethodLabel, paymentMethodOptions } from '@/components/payment-method';
import { Card, EmptyState, PageHeader, StatCard, StatusBadge } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { formatDateTime, formatMoney } from '@/lib/format';
import { resellerLedger } from '@/lib/services/credit';
import { resellerProfile } from '@/lib/services/resellers';
import { listTopupRequests } from '@/lib/services/topups';
import { ledgerQuery, listTopupsQuery } from '@/lib/validation/credit';
import { requestCreditAction } from './actions';

export const metadata: Metadata = { title: 'Credit' };

export default async function ResellerCreditPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { db, actor } = await requireRole('reseller');
  const sp = await searchParams;
  const q = listTopupsQuery.safeParse({ page: sp.page, limit: 10 }).data ?? listTopupsQuery.parse({ limit: 10 });
  const [profile, requests, ledger] = await Promise.all([
    resellerProfile(db, actor),
    listTopupRequests(db, actor, q),
    resellerLedger(db, actor, actor.userId, ledgerQuery.parse({ limit: 10 })),
  ]);
  return (
    <>
      <PageHeader title="Credit" subtitle="Ask the platform for credit; approved requests are added to your balance." />
      <div className="mb-5 grid grid-cols-2 gap-3 sm:grid-cols-3">
        <StatCard label="Credit balance" value={formatMoney(profile.credit_balance)} />
        <StatCard label="Commission" value={formatMoney(profile.commission_balance)} />
      </div>
      <div className="grid gap-5 lg:grid-cols-5">
        <Card title="Request credit" className="lg:col-span-2">
          <ActionForm
            action={requestCreditAction}
            columns={1}
            submitLabel="Send request"
            testId="request-credit-form"
            fields={[
              { name: 'amount', label: 'Amount (MMK)', type: 'number', required: true, placeholder: '100000' },
              { name: 'method', label: 'Payment method', type: 'select', required: true, options: paymentMethodOptions },
              { name: 'reference', label: 'Payment reference', placeholder: 'Bank or wallet transaction id' },
              { name: 'note', label: 'Note', type: 'textarea' },
            ]}
          />
        </Card>
        <Card title="Your requests" className="lg:col-span-3">
          {requests.data.length === 0 ? (
            <EmptyState title="No requests yet.">Pay the platform, then send a request with the payment reference.</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="my-topups">
              {requests.data.map((r) => (
                <li key={r.id} data-testid={`my-topup-${r.id}`} className="flex items-start justify-between gap-3 py-3 first:pt-0 last:pb-0">
                  <div className="min-w-0 flex-1">
                    <div className="font-semibold tabular-nums">{formatMoney(r.amount)}</div>
                    <div className="break-words text-xs text-slate-500">
                      {paymentMethodLabel(r.method)}{r.reference ? ` · ${r.reference}` : ''} · filed {formatDateTime(r.created_at)}
                    </div>
                    {r.decision_note && (
                      <div className="mt-1 break-words text-sm text-slate-700">
                        {r.status === 'rejected' ? 'Reason: ' : 'Note: '}{r.decision_note}
                      </div>
                    )}
                  </div>
                  <div className="shrink-0 text-right">
                    <StatusBadge status={r.status} />
                    {r.decided_at && <div className="mt-1 text-xs text-slate-500">{formatDateTime(r.decided_at)}</div>}
                  </div>
                </li>
              ))}
            </ul>
          )}
          <Pagination basePath="/reseller/credit" params={{}} {...requests.pagination} />
        </Card>
      </div>
      <Card title="Recent ledger entries" className="mt-5">
        <LedgerTable rows={ledger.data} />
      </Card>
    </>
  );
}
