'use client';
// A one-tap action that asks once before it spends money: the first tap shows what it costs and a
// Confirm / Cancel pair; the result (or the refusal) shows in place.
import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { SubmitButton } from '@/components/action-form';
import { buttonClass } from '@/components/ui';
import type { FormState } from '@/lib/http/form-action';

type Action = (state: FormState, fd: FormData) => Promise<FormState>;

export function ConfirmAction({
  action,
  fields,
  label,
  confirmText,
  confirmLabel,
  testId,
}: {
  action: Action;
  fields: Record<string, string>;
  label: string;
  /** What the user agrees to, e.g. "Renew Starter Pro for 50,000 MMK?" */
  confirmText: string;
  confirmLabel?: string;
  testId?: string;
}) {
  const t = useTranslations('confirmAction');
  const [state, formAction] = useActionState(action, {} as FormState);
  const [asking, setAsking] = useState(false);
  if (state.ok)
    return (
      <p role="status" className="text-right text-xs text-emerald-700">
        {state.message}
      </p>
    );
  return (
    <div className="flex flex-col items-stretch gap-1 sm:items-end" data-testid={testId}>
      {!asking ? (
        <button type="button" className={buttonClass('secondary')} onClick={() => setAsking(true)}>
          {label}
        </button>
      ) : (
        <form action={formAction} className="flex flex-col gap-2 rounded-lg bg-slate-50 p-2 sm:items-end">
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <span className="text-sm text-slate-700">{confirmText}</span>
          <div className="flex gap-2">
            <button type="button" className={buttonClass('secondary')} onClick={() => setAsking(false)}>
              {t('cancel')}
            </button>
            <SubmitButton>{confirmLabel ?? t('confirm')}</SubmitButton>
          </div>
        </form>
      )}
      {state.ok === false && (
        <span role="alert" className="text-xs text-red-700">
          {state.message}
        </span>
      )}
    </div>
  );
}
