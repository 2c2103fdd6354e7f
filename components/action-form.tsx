'use client';
// A form driven by a server action wrapped in formAction(): per-field errors under each field, the
// typed values kept when refused, a pending state on the button.
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormStatus } from 'react-dom';
import type { FormState } from '@/lib/http/form-action';
import { type ButtonVariant, buttonClass, inputClass } from './ui';
import { useSubmitFeedback } from './use-submit-feedback';

export interface FieldSpec {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'tel' | 'number' | 'url' | 'select' | 'textarea' | 'hidden';
  options?: { value: string; label: string }[];
  placeholder?: string;
  defaultValue?: string;
  hint?: string;
  required?: boolean;
  autoComplete?: string;
  inputMode?: 'numeric' | 'tel' | 'email' | 'text';
  /** Spans both columns on wide screens. */
  wide?: boolean;
}

type Action = (state: FormState, fd: FormData) => Promise<FormState>;

export function SubmitButton({
  children,
  variant = 'primary',
  testId,
}: {
  children: React.ReactNode;
  variant?: ButtonVariant;
  testId?: string;
}) {
  const { pending } = useFormStatus();
  const t = useTranslations('common');
  return (
    <button type="submit" disabled={pending} className={buttonClass(variant)} data-testid={testId}>
      {pending ? t('working') : children}
    </button>
  );
}

export function FieldErrors({ errors, id }: { errors?: string[]; id: string }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="mt-1 text-xs text-red-600" role="alert">
      {[...new Set(errors)].join(' ')}
    </p>
  );
}

// Defined in ./ui so that server components can use it too (a 'use client' module's exports reach them
// only as client references).
export { inputClass };

/** `idPrefix` keeps element ids unique when two forms on one page share field names. */
export function Field({ spec, state, idPrefix = '' }: { spec: FieldSpec; state: FormState; idPrefix?: string }) {
  const errors = state.fieldErrors?.[spec.name];
  const value = state.values?.[spec.name] ?? spec.defaultValue ?? '';
  const id = `${idPrefix}${spec.name}`;
  const errId = `${id}-error`;
  const common = {
    id,
    name: spec.name,
    defaultValue: spec.type === 'password' ? undefined : value,
    required: spec.required,
    'aria-invalid': errors ? true : undefined,
    'aria-describedby': errors ? errId : undefined,
    className: inputClass,
  };
  if (spec.type === 'hidden') return <input type="hidden" name={spec.name} value={spec.defaultValue ?? ''} />;
  return (
    <div className={spec.wide ? 'sm:col-span-2' : undefined}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">
        {spec.label}
        {spec.required && <span className="text-red-600"> *</span>}
      </label>
      {spec.type === 'select' ? (
        <select key={value} {...common}>
          {spec.options?.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : spec.type === 'textarea' ? (
        <textarea key={value} rows={3} placeholder={spec.placeholder} {...common} />
      ) : (
        <input
          key={spec.type === 'password' ? undefined : value}
          type={spec.type === 'number' ? 'text' : (spec.type ?? 'text')}
          inputMode={spec.type === 'number' ? 'numeric' : spec.inputMode}
          placeholder={spec.placeholder}
          autoComplete={spec.autoComplete}
          {...common}
        />
      )}
      {spec.hint && !errors && <p className="mt-1 text-xs text-slate-500">{spec.hint}</p>}
      <FieldErrors errors={errors} id={errId} />
    </div>
  );
}

/** What a refusal asks the user to confirm on purpose: the form is sent again with `field` = 1. */
export interface ConfirmRequest {
  field: string;
  label: string;
}

/**
 * A refusal that can be overridden on purpose (a large top-up, a payment reference credited before) offers
 * one button that sends the same form again with its confirm flag; flags confirmed earlier ride along.
 */
export function ConfirmStep({ state, show }: { state: FormState; show: boolean }) {
  const confirm = state.data?.confirm as ConfirmRequest | undefined;
  // Dropped once the form is edited: a changed amount is confirmed afresh.
  const earlier = show ? Object.entries(state.values ?? {}).filter(([k, v]) => k.startsWith('confirm_') && v === '1') : [];
  return (
    <>
      {earlier.map(([k]) => (
        <input key={k} type="hidden" name={k} value="1" />
      ))}
      {show && confirm && (
        <button type="submit" name={confirm.field} value="1" className={buttonClass('danger')} data-testid="confirm-step">
          {confirm.label}
        </button>
      )}
    </>
  );
}

/** A submit's outcome above its form: green for success, red for a refusal. */
export function FormMessage({ state, testId }: { state: FormState; testId?: string }) {
  return (
    <div
      role={state.ok ? 'status' : 'alert'}
      data-testid={testId}
      className={`rounded-lg border px-3 py-2 text-sm ${state.ok ? 'border-emerald-200 bg-emerald-50 text-emerald-800' : 'border-red-200 bg-red-50 text-red-800'}`}
    >
      {state.message}
    </div>
  );
}

export function ActionForm({
  action,
  fields,
  submitLabel,
  columns = 2,
  testId,
  idPrefix,
  submitVariant,
}: {
  action: Action;
  fields: FieldSpec[];
  submitLabel: string;
  columns?: 1 | 2;
  testId?: string;
  idPrefix?: string;
  submitVariant?: ButtonVariant;
}) {
  const [state, formAction] = useActionState(action, {} as FormState);
  const fb = useSubmitFeedback(state);
  const shown = { ...state, fieldErrors: fb.fieldErrors };
  return (
    <form action={formAction} onChange={fb.onChange} onSubmit={fb.onSubmit} className="space-y-4" data-testid={testId} noValidate>
      {fb.showMessage && <FormMessage state={state} />}
      <ConfirmStep state={state} show={fb.showMessage} />
      <div className={`grid grid-cols-1 gap-4 ${columns === 2 ? 'sm:grid-cols-2' : ''}`}>
        {fields.map((f) => (
          <Field key={f.name} spec={f} state={shown} idPrefix={idPrefix} />
        ))}
      </div>
      <SubmitButton variant={submitVariant}>{submitLabel}</SubmitButton>
    </form>
  );
}
