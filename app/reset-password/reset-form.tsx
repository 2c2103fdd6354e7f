'use client';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field, SubmitButton } from '@/components/action-form';
import type { FormState } from '@/lib/http/form-action';
import { resetPasswordAction } from '../forgot-password/actions';

/** With a link's token: only the new password. Without: the e-mail, the SMS code and the new password. */
export function ResetForm({ token, email }: { token: string | null; email: string }) {
  const [state, action] = useActionState(resetPasswordAction, {} as FormState);
  const t = useTranslations('reset');
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.message && (
        <div role="alert" data-testid="reset-error" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.message}
        </div>
      )}
      {token ? (
        <input type="hidden" name="token" value={token} />
      ) : (
        <>
          <Field
            spec={{ name: 'email', label: t('email'), type: 'email', autoComplete: 'username', required: true, defaultValue: email }}
            state={state}
          />
          <Field
            spec={{ name: 'code', label: t('code'), type: 'text', inputMode: 'numeric', autoComplete: 'one-time-code', required: true }}
            state={state}
          />
        </>
      )}
      <Field
        spec={{ name: 'password', label: t('newPassword'), type: 'password', autoComplete: 'new-password', required: true }}
        state={state}
      />
      <div className="pt-1 [&>button]:w-full">
        <SubmitButton testId="reset-submit">{t('confirm')}</SubmitButton>
      </div>
    </form>
  );
}
