'use client';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { FormState } from '@/lib/http/form-action';
import { SubmitButton } from './action-form';

type Action = (state: FormState, fd: FormData) => Promise<FormState>;

export function SuspendButton({ clientId, suspended, action }: { clientId: number; suspended: boolean; action: Action }) {
  const t = useTranslations('suspend');
  const [state, formAction] = useActionState(action, {} as FormState);
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="client_id" value={clientId} />
      <input type="hidden" name="suspend" value={suspended ? '0' : '1'} />
      {state.ok === false && (
        <span role="alert" className="text-sm text-red-700">
          {state.message}
        </span>
      )}
      <SubmitButton variant={suspended ? 'secondary' : 'danger'}>{suspended ? t('unsuspend') : t('suspend')}</SubmitButton>
    </form>
  );
}
