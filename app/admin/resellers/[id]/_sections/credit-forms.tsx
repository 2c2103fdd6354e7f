// Money forms on a reseller's admin page: top-up (unchanged fields and messages, e2e relies on them),
// a separate deduction with a mandatory reason, and commission settlement for commission partners.
import { ActionForm } from '@/components/action-form';
import { paymentMethodOptions } from '@/components/payment-method';
import { Card } from '@/components/ui';
import { formatMoney } from '@/lib/format';
import type { ResellerView } from '@/lib/services/resellers';
import { creditResellerAction } from '../../../actions';
import { adjustCreditAction, settleCommissionAction } from '../../actions';

export function TopupCard({ reseller }: { reseller: ResellerView }) {
  return (
    <Card title="Top up credit">
      <ActionForm
        action={creditResellerAction}
        columns={1}
        submitLabel="Apply"
        testId="topup-form"
        fields={[
          { name: 'reseller_id', label: '', type: 'hidden', defaultValue: String(reseller.id) },
          {
            name: 'amount',
            label: 'Amount (MMK)',
            type: 'number',
            required: true,
            hint: 'A negative amount is an adjustment and needs a reason.',
          },
          { name: 'method', label: 'Payment method', type: 'select', options: [{ value: '', label: '—' }, ...paymentMethodOptions] },
          { name: 'reference', label: 'Payment reference', placeholder: 'Bank or wallet transaction id' },
          { name: 'note', label: 'Note / reason', type: 'textarea' },
        ]}
      />
    </Card>
  );
}

export function AdjustCard({ reseller }: { reseller: ResellerView }) {
  return (
    <Card title="Deduct credit">
      <p className="mb-3 text-sm text-slate-600">
        Corrects a mistaken top-up or takes back credit. The balance never goes below zero: at most{' '}
        <span className="font-medium tabular-nums">{formatMoney(reseller.credit_balance)}</span>.
      </p>
      <ActionForm
        action={adjustCreditAction}
        columns={1}
        submitLabel="Deduct"
        submitVariant="danger"
        testId="adjust-form"
        idPrefix="adjust-"
        fields={[
          { name: 'reseller_id', label: '', type: 'hidden', defaultValue: String(reseller.id) },
          { name: 'amount', label: 'Amount to deduct (MMK)', type: 'number', required: true, placeholder: 'e.g. 5000' },
          { name: 'reason', label: 'Reason', type: 'textarea', required: true, placeholder: 'Why the balance is corrected' },
          { name: 'reference', label: 'Reference', placeholder: 'Optional: refund or ticket id' },
        ]}
      />
    </Card>
  );
}

export function CommissionCard({ reseller }: { reseller: ResellerView }) {
  const balance = reseller.commission_balance;
  return (
    <Card title="Settle commission">
      <p className="mb-3 text-sm text-slate-600">
        Earned so far and not yet settled:{' '}
        <span className="font-medium tabular-nums" data-testid="commission-balance">
          {formatMoney(balance)}
        </span>
        . Pay it out of the platform, or turn it into credit the reseller can spend.
      </p>
      {balance === 0 ? (
        <p className="rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-500">Nothing to settle right now.</p>
      ) : (
        <ActionForm
          action={settleCommissionAction}
          columns={1}
          submitLabel="Settle"
          testId="commission-form"
          idPrefix="commission-"
          fields={[
            { name: 'reseller_id', label: '', type: 'hidden', defaultValue: String(reseller.id) },
            {
              name: 'mode',
              label: 'How',
              type: 'select',
              required: true,
              options: [
                { value: 'payout', label: 'Mark as paid out (bank, wallet, cash)' },
                { value: 'convert', label: 'Convert to credit' },
              ],
            },
            {
              name: 'amount',
              label: 'Amount (MMK)',
              type: 'number',
              defaultValue: String(balance),
              hint: `The whole balance unless you change it; at most ${formatMoney(balance)}.`,
            },
            { name: 'reference', label: 'Payment reference' },
            { name: 'note', label: 'Note', type: 'textarea' },
          ]}
        />
      )}
    </Card>
  );
}
