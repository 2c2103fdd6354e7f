'use client';
// The reseller's "Request credit" form (docs/payments.md): the platform account paid into, the amount, the
// transaction id and the payment slip. Without published accounts it asks for the method instead.
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field, FieldErrors, FormMessage, SubmitButton } from '@/components/action-form';
import { useSubmitFeedback } from '@/components/use-submit-feedback';
import type { FormState } from '@/lib/http/form-action';
import type { PaymentAccountView } from '@/lib/services/payment-accounts';
import { PAYMENT_METHODS } from '@/lib/validation/credit-methods';
import { ImageInput } from './image-input';

type Action = (state: FormState, fd: FormData) => Promise<FormState>;

export function TopupRequestForm({ action, accounts }: { action: Action; accounts: PaymentAccountView[] }) {
  const t = useTranslations('payments');
  const [state, formAction] = useActionState(action, {} as FormState);
  const fb = useSubmitFeedback(state);
  const shown = { ...state, fieldErrors: fb.fieldErrors };
  const chosen = state.values?.payment_account_id ?? (accounts.length === 1 ? String(accounts[0].id) : '');
  const accountErrors = [...(fb.fieldErrors?.payment_account_id ?? []), ...(fb.fieldErrors?.method ?? [])];
  return (
    <form
      action={formAction}
      onChange={fb.onChange}
      onSubmit={fb.onSubmit}
      className="space-y-4"
      data-testid="request-credit-form"
      noValidate
    >
      {fb.showMessage && <FormMessage state={state} />}
      {accounts.length > 0 ? (
        <fieldset>
          <legend className="mb-1 block text-sm font-medium text-slate-700">{t('paidInto')}</legend>
          <div className="space-y-2">
            {accounts.map((a) => (
              <label key={a.id} className="flex items-center gap-2 rounded-lg border border-slate-200 px-3 py-2 text-sm">
                <input type="radio" name="payment_account_id" value={a.id} defaultChecked={chosen === String(a.id)} />
                <span>
                  <span className="font-medium">{t(`method.${a.method}`)}</span> · <span className="font-mono">{a.account_number}</span> ·{' '}
                  {a.account_name}
                </span>
              </label>
            ))}
          </div>
          <FieldErrors errors={accountErrors.length ? accountErrors : undefined} id="payment_account_id-error" />
        </fieldset>
      ) : (
        <Field
          state={shown}
          spec={{
            name: 'method',
            label: t('methodLabel'),
            type: 'select',
            required: true,
            options: PAYMENT_METHODS.map((m) => ({ value: m, label: t(`method.${m}`) })),
          }}
        />
      )}
      <Field state={shown} spec={{ name: 'amount', label: t('amount'), type: 'number', required: true, inputMode: 'numeric' }} />
      <Field
        state={shown}
        spec={{ name: 'reference', label: t('transactionId'), required: accounts.length > 0, hint: t('transactionIdHint') }}
      />
      <ImageInput name="slip_image" label={t('slip')} hint={t('slipHint')} errors={fb.fieldErrors?.slip_image} testId="slip-input" />
      <Field state={shown} spec={{ name: 'note', label: t('note'), type: 'textarea' }} />
      <SubmitButton testId="request-credit-submit">{t('sendRequest')}</SubmitButton>
    </form>
  );
}
