'use client';
// The SMPP system_id and password: issued (or the password reset) on request, the password shown once.
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { SubmitButton } from '@/components/action-form';
import { Notice } from '@/components/ui';
import type { FormState } from '@/lib/http/form-action';
import { OneTimeSecret } from './one-time-secret';

type Action = (state: FormState, fd: FormData) => Promise<FormState>;

export function SmppCredentials({ systemId, action }: { systemId: string | null; action: Action }) {
  const [state, issue] = useActionState(action, {} as FormState);
  const t = useTranslations('client.smpp');
  const shown = typeof state.data?.system_id === 'string' ? state.data.system_id : systemId;
  return (
    <form action={issue} className="space-y-3">
      <div>
        <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{t('systemId')}</p>
        <p className="mt-0.5 font-mono text-sm" data-testid="smpp-system-id">
          {shown ?? t('notIssued')}
        </p>
      </div>
      {state.message && !state.ok && <Notice tone="error">{state.message}</Notice>}
      {typeof state.data?.password === 'string' ? (
        <OneTimeSecret label={t('password')} value={state.data.password} testId="smpp-password" warning={t('passwordOnce')} />
      ) : (
        <p className="text-sm text-slate-600">{shown ? t('issuedBefore') : t('issueHint')}</p>
      )}
      <SubmitButton variant={shown ? 'secondary' : 'primary'} testId="smpp-issue">
        {shown ? t('reset') : t('create')}
      </SubmitButton>
    </form>
  );
}
