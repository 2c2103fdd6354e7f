// Money forms on a reseller's admin page: top-up (unchanged fields and messages, e2e relies on them),
// a separate deduction with a mandatory reason, and commission settlement for commission partners.
import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/action-form';
import { paymentMethodOptions } from '@/components/payment-method';
import { Card } from '@/components/ui';
import { useFormat } from '@/lib/i18n/format';
import type { ResellerView } from '@/lib/services/resellers';
import { creditResellerAction } from '../../../actions';
import { adjustCreditAction, settleCommissionAction } from '../../actions';

/** Bank transfer, KBZPay, … in the reader's language. */
function useMethodOptions() {
  const tm = useTranslations('payments.method');
  return paymentMethodOptions.map((o) => ({ value: o.value, label: tm(o.value) }));
}

export function TopupCard({ reseller }: { reseller: ResellerView }) {
  const t = useTranslations('admin.creditForms');
  const methods = useMethodOptions();
  return (
    <Card title={t('topupTitle')}>
      <ActionForm
        action={creditResellerAction}
        columns={1}
        submitLabel={t('apply')}
        testId="topup-form"
        fields={[
          { name: 'reseller_id', label: '', type: 'hidden', defaultValue: String(reseller.id) },
          {
            name: 'amount',
            label: t('amount'),
            type: 'number',
            required: true,
            hint: t('amountHint'),
          },
          { name: 'method', label: t('method'), type: 'select', options: [{ value: '', label: '—' }, ...methods] },
          { name: 'reference', label: t('reference'), placeholder: t('referencePlaceholder') },
          { name: 'note', label: t('noteReason'), type: 'textarea' },
        ]}
      />
    </Card>
  );
}

export function AdjustCard({ reseller }: { reseller: ResellerView }) {
  const t = useTranslations('admin.creditForms');
  const f = useFormat();
  return (
    <Card title={t('adjustTitle')}>
      <p className="mb-3 text-sm text-slate-600">
        {t.rich('adjustNote', {
          amount: f.money(reseller.credit_balance),
          b: (chunks) => <span className="font-medium tabular-nums">{chunks}</span>,
        })}
      </p>
      <ActionForm
        action={adjustCreditAction}
        columns={1}
        submitLabel={t('deduct')}
        submitVariant="danger"
        testId="adjust-form"
        idPrefix="adjust-"
        fields={[
          { name: 'reseller_id', label: '', type: 'hidden', defaultValue: String(reseller.id) },
          { name: 'amount', label: t('deductAmount'), type: 'number', required: true, placeholder: t('deductPlaceholder') },
          { name: 'reason', label: t('reason'), type: 'textarea', required: true, placeholder: t('reasonPlaceholder') },
          { name: 'reference', label: t('referenceShort'), placeholder: t('referenceOptional') },
        ]}
      />
    </Card>
  );
}

export function CommissionCard({ reseller }: { reseller: ResellerView }) {
  const t = useTranslations('admin.creditForms');
  const f = useFormat();
  const balance = reseller.commission_balance;
  return (
    <Card title={t('commissionTitle')}>
      <p className="mb-3 text-sm text-slate-600">
        {t.rich('commissionNote', {
          amount: f.money(balance),
          b: (chunks) => (
            <span className="font-medium tabular-nums" data-testid="commission-balance">
              {chunks}
            </span>
          ),
        })}
      </p>
      {balance === 0 ? (
        <p className="rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-500">{t('nothing')}</p>
      ) : (
        <ActionForm
          action={settleCommissionAction}
          columns={1}
          submitLabel={t('settle')}
          testId="commission-form"
          idPrefix="commission-"
          fields={[
            { name: 'reseller_id', label: '', type: 'hidden', defaultValue: String(reseller.id) },
            {
              name: 'mode',
              label: t('how'),
              type: 'select',
              required: true,
              options: [
                { value: 'payout', label: t('payout') },
                { value: 'convert', label: t('convert') },
              ],
            },
            {
              name: 'amount',
              label: t('amount'),
              type: 'number',
              defaultValue: String(balance),
              hint: t('settleHint', { amount: f.money(balance) }),
            },
            { name: 'reference', label: t('reference') },
            { name: 'note', label: t('note'), type: 'textarea' },
          ]}
        />
      )}
    </Card>
  );
}
