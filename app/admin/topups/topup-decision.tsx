'use client';
// Approve / Reject one pending top-up request: a single text box is the optional approval note or the
// required rejection reason; the service's refusal (e.g. already decided) shows above it.
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormStatus } from 'react-dom';
import { ConfirmStep, FieldErrors, inputClass } from '@/components/action-form';
import { buttonClass } from '@/components/ui';
import { useSubmitFeedback } from '@/components/use-submit-feedback';
import type { FormState } from '@/lib/http/form-action';

type Action = (state: FormState, fd: FormData) => Promise<FormState>;

function Buttons() {
  const t = useTranslations('admin.topups');
  const { pending } = useFormStatus();
  return (
    <div className="flex gap-2">
      <button type="submit" name="decision" value="approve" disabled={pending} className={`${buttonClass('primary')} min-h-9 px-3 py-1.5`}>
        {t('approve')}
      </button>
      <button type="submit" name="decision" value="reject" disabled={pending} className={`${buttonClass('danger')} min-h-9 px-3 py-1.5`}>
        {t('reject')}
      </button>
    </div>
  );
}

export function TopupDecision({ id, tab, action }: { id: number; tab: string; action: Action }) {
  const t = useTranslations('admin.topups');
  const [state, formAction] = useActionState(action, {} as FormState);
  const fb = useSubmitFeedback(state);
  const errors = [...(fb.fieldErrors?.reason ?? []), ...(fb.fieldErrors?.note ?? [])];
  const textId = `decision-text-${id}`;
  const errId = `decision-error-${id}`;
  return (
    <form action={formAction} onChange={fb.onChange} onSubmit={fb.onSubmit} className="space-y-2" noValidate>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="tab" value={tab} />
      {fb.showMessage && !errors.length && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-2 py-1 text-xs text-red-800">
          {state.message}
        </p>
      )}
      <ConfirmStep state={state} show={fb.showMessage} />
      <div>
        <label htmlFor={textId} className="sr-only">
          {t('textLabel')}
        </label>
        <input
          id={textId}
          name="text"
          key={state.values?.text ?? ''}
          defaultValue={state.values?.text ?? ''}
          placeholder={t('textPlaceholder')}
          maxLength={500}
          // Enter would submit with the first button (Approve): make the admin pick a button instead.
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.preventDefault();
          }}
          aria-invalid={errors.length ? true : undefined}
          aria-describedby={errors.length ? errId : undefined}
          className={`${inputClass} py-1.5`}
        />
        <FieldErrors errors={errors} id={errId} />
      </div>
      <Buttons />
    </form>
  );
}
