'use client';
// Add or edit a contact: number, name, merge fields (one `key: value` a line) and groups (checkboxes).
import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { Field, FormMessage, SubmitButton } from '@/components/action-form';
import { useSubmitFeedback } from '@/components/use-submit-feedback';
import type { FormState } from '@/lib/http/form-action';

type Action = (state: FormState, fd: FormData) => Promise<FormState>;

export interface ContactFormValues {
  id?: number;
  phone: string;
  name: string;
  fields: string;
  groups: number[];
}

export function ContactForm({
  action,
  groups,
  initial,
  testId,
}: {
  action: Action;
  groups: { id: number; name: string }[];
  initial?: ContactFormValues;
  testId?: string;
}) {
  const t = useTranslations('client.contacts');
  const [state, run] = useActionState(action, {} as FormState);
  const fb = useSubmitFeedback(state);
  const form = useRef<HTMLFormElement>(null);
  // A contact just added leaves an empty form for the next one.
  useEffect(() => {
    if (state.ok && initial?.id === undefined) form.current?.reset();
  }, [state, initial?.id]);
  const shown = { ...state, fieldErrors: fb.fieldErrors };
  const checked = (id: number) => (state.values ? state.values[`group:${id}`] === 'on' : Boolean(initial?.groups.includes(id)));
  return (
    <form ref={form} action={run} onChange={fb.onChange} onSubmit={fb.onSubmit} className="space-y-4" data-testid={testId} noValidate>
      {fb.showMessage && <FormMessage state={state} testId={testId ? `${testId}-message` : undefined} />}
      {initial?.id !== undefined && <input type="hidden" name="id" value={initial.id} />}
      <Field
        spec={{
          name: 'phone',
          label: t('phone'),
          type: 'tel',
          required: true,
          defaultValue: initial?.phone,
          placeholder: t('phonePlaceholder'),
        }}
        state={shown}
      />
      <Field spec={{ name: 'name', label: t('name'), defaultValue: initial?.name }} state={shown} />
      <Field
        spec={{
          name: 'fields',
          label: t('fields'),
          type: 'textarea',
          defaultValue: initial?.fields,
          hint: t('fieldsHint'),
          placeholder: t('fieldsPlaceholder'),
        }}
        state={shown}
      />
      {groups.length > 0 && (
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-slate-700">{t('groups')}</legend>
          <div className="flex flex-wrap gap-3">
            {groups.map((g) => (
              <label key={`${g.id}-${checked(g.id)}`} className="flex items-center gap-1.5 text-sm">
                <input type="checkbox" name={`group:${g.id}`} defaultChecked={checked(g.id)} />
                {g.name}
              </label>
            ))}
          </div>
          {shown.fieldErrors?.groups && <p className="mt-1 text-xs text-red-600">{shown.fieldErrors.groups.join(' ')}</p>}
        </fieldset>
      )}
      <SubmitButton testId={testId ? `${testId}-submit` : undefined}>{initial?.id !== undefined ? t('save') : t('add')}</SubmitButton>
    </form>
  );
}
