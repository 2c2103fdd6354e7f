'use client';
// Add or edit one payment account (admin: the platform's; reseller: its own). The QR code is picked as a
// file and sent as a data URL (components/payments/image-input.tsx).
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field, FormMessage, SubmitButton } from '@/components/action-form';
import { useSubmitFeedback } from '@/components/use-submit-feedback';
import type { FormState } from '@/lib/http/form-action';
import type { PaymentAccountView } from '@/lib/services/payment-accounts';
import { PAYMENT_ACCOUNT_METHODS } from '@/lib/validation/payment-methods';
import { ImageInput } from './image-input';

type Action = (state: FormState, fd: FormData) => Promise<FormState>;

export function PaymentAccountForm({ action, account, testId }: { action: Action; account?: PaymentAccountView; testId?: string }) {
  const t = useTranslations('payments');
  const [state, formAction] = useActionState(action, {} as FormState);
  const fb = useSubmitFeedback(state);
  const shown = { ...state, fieldErrors: fb.fieldErrors };
  const p = account ? `acct-${account.id}-` : 'new-';
  const enabled = state.values ? state.values.enabled === 'on' : (account?.enabled ?? true);
  return (
    <form action={formAction} onChange={fb.onChange} onSubmit={fb.onSubmit} className="space-y-3" data-testid={testId} noValidate>
      {fb.showMessage && <FormMessage state={state} />}
      {account && <input type="hidden" name="id" value={account.id} />}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Field
          idPrefix={p}
          state={shown}
          spec={{
            name: 'method',
            label: t('methodLabel'),
            type: 'select',
            required: true,
            defaultValue: account?.method ?? 'kbzpay',
            options: PAYMENT_ACCOUNT_METHODS.map((m) => ({ value: m, label: t(`method.${m}`) })),
          }}
        />
        <Field
          idPrefix={p}
          state={shown}
          spec={{ name: 'account_name', label: t('accountName'), required: true, defaultValue: account?.account_name }}
        />
        <Field
          idPrefix={p}
          state={shown}
          spec={{
            name: 'account_number',
            label: t('accountNumber'),
            required: true,
            defaultValue: account?.account_number,
            inputMode: 'tel',
          }}
        />
        <ImageInput
          name="qr_image"
          idPrefix={p}
          label={t('qrImage')}
          hint={t('imageHint')}
          errors={fb.fieldErrors?.qr_image}
          testId={`${p}qr`}
        />
        <Field
          idPrefix={p}
          state={shown}
          spec={{
            name: 'instructions',
            label: t('instructions'),
            type: 'textarea',
            hint: t('instructionsHint'),
            defaultValue: account?.instructions ?? '',
            wide: true,
          }}
        />
      </div>
      <div className="flex flex-wrap gap-4 text-sm">
        <label className="flex items-center gap-2">
          <input type="checkbox" name="enabled" defaultChecked={enabled} />
          {t('enabled')}
        </label>
        {account?.qr_image_id != null && (
          <label className="flex items-center gap-2">
            <input type="checkbox" name="remove_qr" />
            {t('removeQr')}
          </label>
        )}
      </div>
      <SubmitButton testId={testId && `${testId}-submit`}>{account ? t('save') : t('add')}</SubmitButton>
    </form>
  );
}
