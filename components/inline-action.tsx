'use client';
// A one-button form (enable, disable, …) for a server action wrapped in formAction(): hidden fields carry
// the target, a refusal from the service shows next to the button.
import { useActionState } from 'react';
import type { FormState } from '@/lib/http/form-action';
import { SubmitButton } from './action-form';
import type { ButtonVariant } from './ui';

type Action = (state: FormState, fd: FormData) => Promise<FormState>;

export function InlineAction({
  action,
  fields,
  label,
  variant = 'secondary',
  testId,
}: {
  action: Action;
  fields: Record<string, string>;
  label: string;
  variant?: ButtonVariant;
  testId?: string;
}) {
  const [state, formAction] = useActionState(action, {} as FormState);
  return (
    <form action={formAction} className="flex flex-col items-end gap-1">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton variant={variant} testId={testId}>
        {label}
      </SubmitButton>
      {state.message && (
        <span
          role={state.ok ? 'status' : 'alert'}
          className={`max-w-36 text-right text-xs ${state.ok ? 'text-emerald-700' : 'text-red-700'}`}
        >
          {state.message}
        </span>
      )}
    </form>
  );
}
