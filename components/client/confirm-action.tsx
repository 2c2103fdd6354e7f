'use client';
// A destructive one-button action (remove, delete) that asks "are you sure?" in place before it submits.
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
  question,
  testId,
}: {
  action: Action;
  fields: Record<string, string>;
  label: string;
  question: string;
  testId?: string;
}) {
  const [asking, setAsking] = useState(false);
  const t = useTranslations('common');
  const [state, run] = useActionState(action, {} as FormState);
  if (!asking) {
    return (
      <div className="flex flex-col items-end gap-1">
        <button type="button" className={buttonClass('secondary')} onClick={() => setAsking(true)} data-testid={testId}>
          {label}
        </button>
        {state.message && !state.ok && (
          <span role="alert" className="max-w-48 text-right text-xs text-red-700">
            {state.message}
          </span>
        )}
      </div>
    );
  }
  return (
    <form action={run} className="flex flex-wrap items-center justify-end gap-2">
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <span className="text-sm text-slate-700">{question}</span>
      <SubmitButton variant="danger" testId={testId ? `${testId}-confirm` : undefined}>
        {t('yes', { action: label.toLowerCase() })}
      </SubmitButton>
      <button type="button" className={buttonClass('secondary')} onClick={() => setAsking(false)}>
        {t('keep')}
      </button>
      {state.message && !state.ok && (
        <span role="alert" className="w-full text-right text-xs text-red-700">
          {state.message}
        </span>
      )}
    </form>
  );
}
