'use client';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field, SubmitButton } from '@/components/action-form';
import type { FormState } from '@/lib/http/form-action';
import { loginAction } from './actions';

export function LoginForm() {
  const [state, action] = useActionState(loginAction, {} as FormState);
  const t = useTranslations('login');
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.message && (
        <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.message}
        </div>
      )}
      <Field spec={{ name: 'email', label: t('email'), type: 'email', autoComplete: 'username', required: true }} state={state} />
      <Field
        spec={{ name: 'password', label: t('password'), type: 'password', autoComplete: 'current-password', required: true }}
        state={state}
      />
      <div className="pt-1 [&>button]:w-full">
        <SubmitButton testId="login-submit">{t('submit')}</SubmitButton>
      </div>
    </form>
  );
}
