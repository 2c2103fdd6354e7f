'use client';
// Create / edit a reseller (docs/ARCHITECTURE.md#rules-tenancy): partner type (the commission rate appears only for commission
// partners), brand, login email, phone with country code, website, password and confirmation, contact
// person, and the login subdomain with live validation. Per-field errors come from the server action.
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

const PROFILE: FieldSpec[] = [
  { name: 'name', label: 'Company / brand name', required: true, autoComplete: 'organization' },
  {
    name: 'email',
    label: 'Login email',
    type: 'email',
    required: true,
    autoComplete: 'off',
    hint: 'The reseller signs in with this email.',
  },
  { name: 'phone', label: 'Phone (with country code)', type: 'tel', required: true, placeholder: '+95 9 123 456 789', autoComplete: 'off' },
  { name: 'website', label: 'Website', type: 'url', placeholder: 'https://' },
];
const CONTACT: FieldSpec[] = [
  { name: 'contact_name', label: 'Contact person', autoComplete: 'off' },
  { name: 'contact_email', label: 'Contact email', type: 'email', autoComplete: 'off' },
  { name: 'contact_phone', label: 'Contact phone', type: 'tel', placeholder: '+95 9 …', autoComplete: 'off' },
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

      <Section title="Partner">
        <div>
          <label htmlFor="partner_type" className="mb-1 block text-sm font-medium text-slate-700">
            Partner type<span className="text-red-600"> *</span>
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
            <option value="own_plans">Own plans (sets own retail prices)</option>
            <option value="commission">Commission (earns a share of list price)</option>
          </select>
          {typeErrors ? (
            <FieldErrors errors={typeErrors} id="partner_type-error" />
          ) : (
            <p id="partner_type-hint" className="mt-1 text-xs text-slate-500">
              {partnerType === 'commission'
                ? 'Sells at your list prices and earns commission on each activation.'
                : 'Sets its own retail price per package; keeps the margin.'}
            </p>
          )}
        </div>
        {partnerType === 'commission' && (
          <Field
            state={state}
            spec={{
              name: 'commission_rate',
              label: 'Commission rate (%)',
              type: 'number',
              required: true,
              hint: 'Share of each activation’s list price, e.g. 10 or 12.5',
              defaultValue: initial?.commission_rate ?? '',
            }}
          />
        )}
        {PROFILE.map((f) => (
          <Field key={f.name} spec={withValue(f)} state={state} />
        ))}
      </Section>

      <Section
        title="Sign-in"
        hint={
          mode === 'edit' ? 'Leave both blank to keep the current password. A new password signs the reseller out everywhere.' : undefined
        }
      >
        <Field
          state={state}
          spec={{
            name: 'password',
            label: mode === 'edit' ? 'Password (new)' : 'Password',
            type: 'password',
            required: mode === 'create',
            autoComplete: 'new-password',
            hint: 'At least 6 characters.',
          }}
        />
        <Field
          state={state}
          spec={{
            name: 'password_confirmation',
            label: 'Confirm password',
            type: 'password',
            required: mode === 'create',
            autoComplete: 'new-password',
          }}
        />
      </Section>

      <Section title="Contact person" hint="Who to call about this account.">
        {CONTACT.map((f) => (
          <Field key={f.name} spec={withValue(f)} state={state} />
        ))}
      </Section>

      <Section title="Login domain" hint="The reseller’s clients sign in at this address and see the reseller’s brand.">
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
        <SubmitButton>{mode === 'create' ? 'Create reseller' : 'Save changes'}</SubmitButton>
      </div>
    </form>
  );
}
