'use client';
// The SMPP system_id and password: issued (or the password reset) on request, the password shown once.
import { useActionState } from 'react';
import { SubmitButton } from '@/components/action-form';
import { Notice } from '@/components/ui';
import type { FormState } from '@/lib/http/form-action';
import { OneTimeSecret } from './one-time-secret';

type Action = (state: FormState, fd: FormData) => Promise<FormState>;

export function SmppCredentials({ systemId, action }: { systemId: string | null; action: Action }) {
  const [state, issue] = useActionState(action, {} as FormState);
  const shown = typeof state.data?.system_id === 'string' ? state.data.system_id : systemId;
  return (
    <form action={issue} className="space-y-3">
      <div>
        <p className="text-xs font-medium uppercase tracking-wide text-slate-500">System ID</p>
        <p className="mt-0.5 font-mono text-sm" data-testid="smpp-system-id">
          {shown ?? 'Not issued yet'}
        </p>
      </div>
      {state.message && !state.ok && <Notice tone="error">{state.message}</Notice>}
      {typeof state.data?.password === 'string' ? (
        <OneTimeSecret
          label="SMPP password"
          value={state.data.password}
          testId="smpp-password"
          warning="Shown only once. Issuing a new one replaces it, and connections made with the old one are closed."
        />
      ) : (
        <p className="text-sm text-slate-600">
          {shown
            ? 'A password was issued before. Resetting it closes the connections that use the old one.'
            : 'Issue credentials to connect your SMPP software (Kannel, a bank’s OTP sender, another gateway).'}
        </p>
      )}
      <SubmitButton variant={shown ? 'secondary' : 'primary'} testId="smpp-issue">
        {shown ? 'Reset password' : 'Create SMPP credentials'}
      </SubmitButton>
    </form>
  );
}
