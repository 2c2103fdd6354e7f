'use client';
// Choose a package, see what it costs now (price, refund on a switch, balance after), confirm.
import { useActionState, useState } from 'react';
import { formatDate, formatMoney } from '@/lib/format';
import type { FormState } from '@/lib/http/form-action';
import type { ActivationPreview } from '@/lib/services/activation';
import { SubmitButton } from './action-form';

type Action = (state: FormState, fd: FormData) => Promise<FormState>;

const KIND_LABEL = {
  new: 'Starts now',
  renewal: 'Renewal: starts when the current period ends',
  switch: 'Switch now: unused days refunded',
};

export function ActivationPanel({ clientId, previews, action }: { clientId: number; previews: ActivationPreview[]; action: Action }) {
  const [selected, setSelected] = useState(previews[0]?.package_type ?? '');
  const [state, formAction] = useActionState(action, {} as FormState);
  const p = previews.find((x) => x.package_type === selected);
  return (
    <form action={formAction} className="space-y-4" data-testid="activation-form">
      <input type="hidden" name="client_id" value={clientId} />
      {state.message && (
        <div
          role={state.ok ? 'status' : 'alert'}
          data-testid="activation-result"
          className={`rounded-lg border px-3 py-2 text-sm ${state.ok ? 'border-emerald-200 bg-emerald-50 text-emerald-800' : 'border-red-200 bg-red-50 text-red-800'}`}
        >
          {state.message}
        </div>
      )}
      <fieldset className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        <legend className="sr-only">Package</legend>
        {previews.map((x) => (
          <label
            key={x.package_type}
            className={`flex cursor-pointer items-start gap-3 rounded-lg border p-3 ${selected === x.package_type ? 'border-brand-600 bg-brand-50' : 'border-slate-200 hover:bg-slate-50'}`}
          >
            <input
              type="radio"
              name="package_type"
              value={x.package_type}
              checked={selected === x.package_type}
              onChange={() => setSelected(x.package_type)}
              className="mt-1"
            />
            <span>
              <span className="block font-medium">{x.name}</span>
              <span className="block text-sm tabular-nums text-slate-600">{formatMoney(x.price)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {p && (
        <dl className="grid grid-cols-2 gap-x-4 gap-y-1 rounded-lg bg-slate-50 p-3 text-sm tabular-nums" data-testid="activation-preview">
          <dt className="text-slate-500">Type</dt>
          <dd className="text-right">{KIND_LABEL[p.kind]}</dd>
          <dt className="text-slate-500">Period</dt>
          <dd className="text-right">
            {formatDate(p.starts_at)} – {formatDate(p.ends_at)}
          </dd>
          <dt className="text-slate-500">Cost</dt>
          <dd className="text-right" data-testid="preview-cost">
            {formatMoney(p.price)}
          </dd>
          {p.refund > 0 && (
            <>
              <dt className="text-slate-500">Refund</dt>
              <dd className="text-right text-emerald-700">+{formatMoney(p.refund)}</dd>
            </>
          )}
          <dt className="text-slate-500">Balance now</dt>
          <dd className="text-right">{formatMoney(p.credit_balance)}</dd>
          <dt className="font-medium">Balance after</dt>
          <dd className={`text-right font-medium ${p.sufficient ? '' : 'text-red-700'}`} data-testid="preview-balance-after">
            {formatMoney(p.balance_after)}
          </dd>
        </dl>
      )}
      {p && !p.sufficient && (
        <p className="text-sm text-red-700">Not enough credit for this package. Ask the platform admin for a top-up.</p>
      )}
      <SubmitButton testId="activate-submit">
        {p?.kind === 'renewal' ? 'Confirm renewal' : p?.kind === 'switch' ? 'Confirm switch' : 'Confirm activation'}
      </SubmitButton>
    </form>
  );
}
