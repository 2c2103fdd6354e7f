'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field, SubmitButton } from '@/components/action-form';
import type { FormState } from '@/lib/http/form-action';
import { forgotPasswordAction } from './actions';

export function ForgotForm() {
  const [state, action] = useActionState(forgotPasswordAction, {} as FormState);
  const t = useTranslations('reset');
  const channel = state.values?.channel ?? 'email';
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.message && (
        <div
          role={state.ok ? 'status' : 'alert'}
          data-testid="forgot-answer"
          className={`rounded-lg px-3 py-2 text-sm ${state.ok ? 'bg-emerald-50 text-emerald-800' : 'border border-red-200 bg-red-50 text-red-800'}`}
        >
          {state.message}
        </div>
      )}
      <Field spec={{ name: 'email', label: t('email'), type: 'email', autoComplete: 'username', required: true }} state={state} />
      <fieldset className="space-y-1 text-sm">
        <legend className="mb-1 font-medium text-slate-700">{t('channel')}</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="channel" value="email" defaultChecked={channel === 'email'} /> {t('byEmail')}
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="channel" value="sms" defaultChecked={channel === 'sms'} /> {t('bySms')}
        </label>
      </fieldset>
      <div className="pt-1 [&>button]:w-full">
        <SubmitButton testId="forgot-submit">{t('submit')}</SubmitButton>
      </div>
      {state.ok && channel === 'sms' && (
        <Link
          href={`/reset-password?email=${encodeURIComponent(state.values?.email ?? '')}`}
          className="block text-center text-sm font-medium text-brand-700 hover:underline"
          data-testid="have-code"
        >
          {t('haveCode')}
        </Link>
      )}
    </form>
  );
}
