import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ActionForm } from '@/components/action-form';
import { LedgerTable } from '@/components/ledger-table';
import { Pagination } from '@/components/pagination';
import { Card, DetailList, Notice, PageHeader, StatCard, StatusBadge } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { DomainError } from '@/lib/errors';
import { formatDate, formatMoney } from '@/lib/format';
import { resellerLedger } from '@/lib/services/credit';
import { getReseller } from '@/lib/services/resellers';
import { idParam } from '@/lib/validation/common';
import { ledgerQuery, PAYMENT_METHODS } from '@/lib/validation/credit';
import { creditResellerAction } from '../../actions';

export const metadata: Metadata = { title: 'Reseller' };

const METHOD_LABEL: Record<(typeof PAYMENT_METHODS)[number], string> = {
  bank_transfer: 'Bank transfer', kbzpay: 'KBZPay', wavepay: 'WavePay', cash: 'Cash', other: 'Other',
};

export default async function ResellerDetailPage({ params, searchParams }: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const { db, actor } = await requireRole('admin');
  const id = idParam.safeParse((await params).id);
  if (!id.success) notFound();
  const sp = await searchParams;
  const q = ledgerQuery.safeParse(sp).data ?? ledgerQuery.parse({});
  let reseller;
  try {
    reseller = await getReseller(db, actor, id.data);
  } catch (err) {
    if (err instanceof DomainError && err.code === 'not_found') notFound();
    throw err;
  }
  const ledger = await resellerLedger(db, actor, reseller.id, q);
  return (
    <>
      <PageHeader title={reseller.name} subtitle={<>{reseller.email} · <StatusBadge status={reseller.status} /></>} />
      {sp.created && <div className="mb-4"><Notice tone="success">Reseller created. Add credit below so they can activate packages.</Notice></div>}
      <div className="mb-5 grid grid-cols-2 gap-3 sm:grid-cols-3">
        <StatCard label="Credit balance" value={formatMoney(reseller.credit_balance)} testId="reseller-credit-balance" />
        <StatCard label="Commission" value={formatMoney(reseller.commission_balance)} hint={reseller.partner_type === 'commission' ? `${reseller.commission_rate}% of list price` : 'Own-plans partner'} />
        <StatCard label="Clients" value={reseller.clients_count ?? 0} />
      </div>
      <div className="grid gap-5 lg:grid-cols-5">
        <Card title="Top up or adjust credit" className="lg:col-span-2">
          <ActionForm
            action={creditResellerAction}
            columns={1}
            submitLabel="Apply"
            testId="topup-form"
            fields={[
              { name: 'reseller_id', label: '', type: 'hidden', defaultValue: String(reseller.id) },
              { name: 'amount', label: 'Amount (MMK)', type: 'number', required: true, hint: 'A negative amount is an adjustment and needs a reason.' },
              { name: 'method', label: 'Payment method', type: 'select', options: [{ value: '', label: '—' }, ...PAYMENT_METHODS.map((m) => ({ value: m, label: METHOD_LABEL[m] }))] },
              { name: 'reference', label: 'Payment reference', placeholder: 'Bank or wallet transaction id' },
              { name: 'note', label: 'Note / reason', type: 'textarea' },
            ]}
          />
        </Card>
        <Card title="Profile" className="lg:col-span-3">
          <DetailList items={[
            ['Partner type', reseller.partner_type === 'commission' ? `Commission (${reseller.commission_rate}%)` : 'Own plans'],
            ['Phone', reseller.phone],
            ['Subdomain', reseller.subdomain],
            ['Website', reseller.website ?? '—'],
            ['Contact', [reseller.contact_name, reseller.contact_email, reseller.contact_phone].filter(Boolean).join(' · ') || '—'],
            ['Joined', formatDate(reseller.created_at)],
          ]} />
        </Card>
      </div>
      <Card title="Credit ledger" className="mt-5">
        <LedgerTable rows={ledger.data} />
        <Pagination basePath={`/admin/resellers/${reseller.id}`} params={{}} {...ledger.pagination} />
      </Card>
    </>
  );
}
