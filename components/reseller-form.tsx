'use client';
// Create / edit a reseller (docs/ARCHITECTURE.md#rules-tenancy): partner type (the commission rate appears only for commission
// partners), brand, login email, phone with country code, website, password and confirmation, contact
// person, and the login subdomain with live validation. Per-field errors come from the server action.
import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import type { FormState } from '@/lib/http/form-action';
import { Field, FieldErrors, type FieldSpec, inputClass, SubmitButton } from './action-form';
import { type SubdomainCheckResult, SubdomainField } from './subdomain-field';

type Action = (state: FormState, fd: FormData) => Promise<FormState>;

export interface ResellerFormValues {
  partner_type: 'own_plans' | 'commission';
  commission_rate: string;
  name: string;
  email: string;
  phone: string;
  website: string;
  subdomain: string;
  contact_name: string;
  contact_email: string;
  contact_phone: string;
}

type T = ReturnType<typeof useTranslations<'admin.resellerForm'>>;
/** Examples of the format, not words. */
const PHONE_EXAMPLE = '+95 9 123 456 789';
const PHONE_START = '+95 9 …';
const URL_START = 'https://';

const profileFields = (t: T): FieldSpec[] => [
  { name: 'name', label: t('name'), required: true, autoComplete: 'organization' },
  {
    name: 'email',
    label: t('email'),
    type: 'email',
    required: true,
    autoComplete: 'off',
    hint: t('emailHint'),
  },
  { name: 'phone', label: t('phone'), type: 'tel', required: true, placeholder: PHONE_EXAMPLE, autoComplete: 'off' },
  { name: 'website', label: t('website'), type: 'url', placeholder: URL_START },
];
const contactFields = (t: T): FieldSpec[] => [
  { name: 'contact_name', label: t('contactName'), autoComplete: 'off' },
  { name: 'contact_email', label: t('contactEmail'), type: 'email', autoComplete: 'off' },
  { name: 'contact_phone', label: t('contactPhone'), type: 'tel', placeholder: PHONE_START, autoComplete: 'off' },
];

function Section({ title, hint, children }: { title: string; hint?: string; children: React.ReactNode }) {
  return (
    <fieldset className="min-w-0 border-t border-slate-100 pt-4 first-of-type:border-t-0 first-of-type:pt-0">
      <legend className="float-left mb-3 w-full">
        <span className="block text-sm font-semibold text-slate-900">{title}</span>
        {hint && <span className="mt-0.5 block text-xs font-normal text-slate-500">{hint}</span>}
      </legend>
      <div className="clear-left grid grid-cols-1 gap-4 sm:grid-cols-2">{children}</div>
    </fieldset>
  );
}

export function ResellerForm({
  action,
  checkSubdomain,
  baseDomain,
  mode,
  initial,
  resellerId,
  testId,
}: {
  action: Action;
  checkSubdomain: (subdomain: string, exceptId?: number) => Promise<SubdomainCheckResult>;
  baseDomain: string;
  mode: 'create' | 'edit';
  initial?: ResellerFormValues;
  resellerId?: number;
  testId?: string;
}) {
  const t = useTranslations('admin.resellerForm');
  const [state, formAction] = useActionState(action, {} as FormState);
  const [partnerType, setPartnerType] = useState(initial?.partner_type ?? 'own_plans');
  const withValue = (spec: FieldSpec): FieldSpec => ({ ...spec, defaultValue: initial?.[spec.name as keyof ResellerFormValues] ?? '' });
  const typeErrors = state.fieldErrors?.partner_type;

  return (
    <form action={formAction} className="space-y-5" data-testid={testId} noValidate>
      {state.message && (
        <div
          role={state.ok ? 'status' : 'alert'}
          className={`rounded-lg border px-3 py-2 text-sm ${state.ok ? 'border-emerald-200 bg-emerald-50 text-emerald-800' : 'border-red-200 bg-red-50 text-red-800'}`}
        >
          {state.message}
        </div>
      )}
      {resellerId !== undefined && <input type="hidden" name="reseller_id" value={resellerId} />}

      <Section title={t('partner')}>
        <div>
          <label htmlFor="partner_type" className="mb-1 block text-sm font-medium text-slate-700">
            {t('partnerType')}
            <span className="text-red-600"> *</span>
          </label>
          <select
            id="partner_type"
            name="partner_type"
            // Uncontrolled, keyed by the submitted value: React resets a form after its action runs, and a
            // controlled <select> would then show the first option while the state says otherwise.
            key={state.values?.partner_type ?? 'initial'}
            defaultValue={state.values?.partner_type ?? initial?.partner_type ?? 'own_plans'}
            onChange={(e) => setPartnerType(e.target.value === 'commission' ? 'commission' : 'own_plans')}
            aria-invalid={typeErrors ? true : undefined}
            aria-describedby={typeErrors ? 'partner_type-error' : 'partner_type-hint'}
            className={inputClass}
          >
            <option value="own_plans">{t('ownPlansOption')}</option>
            <option value="commission">{t('commissionOption')}</option>
          </select>
          {typeErrors ? (
            <FieldErrors errors={typeErrors} id="partner_type-error" />
          ) : (
            <p id="partner_type-hint" className="mt-1 text-xs text-slate-500">
              {partnerType === 'commission' ? t('commissionHint') : t('ownPlansHint')}
            </p>
          )}
        </div>
        {partnerType === 'commission' && (
          <Field
            state={state}
            spec={{
              name: 'commission_rate',
              label: t('rate'),
              type: 'number',
              required: true,
              hint: t('rateHint'),
              defaultValue: initial?.commission_rate ?? '',
            }}
          />
        )}
        {profileFields(t).map((f) => (
          <Field key={f.name} spec={withValue(f)} state={state} />
        ))}
      </Section>

      <Section title={t('signIn')} hint={mode === 'edit' ? t('signInHint') : undefined}>
        <Field
          state={state}
          spec={{
            name: 'password',
            label: mode === 'edit' ? t('passwordNew') : t('password'),
            type: 'password',
            required: mode === 'create',
            autoComplete: 'new-password',
            hint: t('passwordHint'),
          }}
        />
        <Field
          state={state}
          spec={{
            name: 'password_confirmation',
            label: t('confirmPassword'),
            type: 'password',
            required: mode === 'create',
            autoComplete: 'new-password',
          }}
        />
      </Section>

      <Section title={t('contactTitle')} hint={t('contactHint')}>
        {contactFields(t).map((f) => (
          <Field key={f.name} spec={withValue(f)} state={state} />
        ))}
      </Section>

      <Section title={t('domainTitle')} hint={t('domainHint')}>
        <SubdomainField
          check={checkSubdomain}
          baseDomain={baseDomain}
          defaultValue={state.values?.subdomain ?? initial?.subdomain ?? ''}
          submitted={state.values?.subdomain}
          errors={state.fieldErrors?.subdomain}
          exceptId={resellerId}
          current={mode === 'edit' ? initial?.subdomain : undefined}
        />
      </Section>

      <div className="flex flex-wrap gap-2 border-t border-slate-100 pt-4">
        <SubmitButton>{mode === 'create' ? t('create') : t('save')}</SubmitButton>
      </div>
    </form>
  );
}
