'use client';
// Choose a package, see what it costs now (price, each refund line of a switch, balance after), confirm.
// The radio group, the preview and the button always describe the same package, before and after every
// submit: the form is sent by hand (no automatic form reset after the action), and the submit carries the
// quote it showed, so the server charges exactly that or refuses (price_changed).
import { type FormEvent, startTransition, useActionState, useState } from 'react';
import { formatDate, formatMoney } from '@/lib/format';
import type { FormState } from '@/lib/http/form-action';
import type { ActivationPreview } from '@/lib/services/activation';
import { FormMessage } from './action-form';
import { buttonClass } from './ui';
import { useSubmitFeedback } from './use-submit-feedback';

type Action = (state: FormState, fd: FormData) => Promise<FormState>;

const KIND_LABEL = {
  new: 'Starts now',
  renewal: 'Renewal: starts when the current period ends',
  switch: 'Switch now: unused days refunded',
};

const BUTTON = { new: 'Confirm activation', renewal: 'Confirm renewal', switch: 'Confirm switch' };

export interface PanelPackage {
  package_type: string;
  /** The platform's name (Business Elite). */
  name: string;
  /** What this reseller calls it, when it differs. */
  display_name: string;
}

export function ActivationPanel({
  clientId,
  previews,
  current,
  names,
  action,
}: {
  clientId: number;
  previews: ActivationPreview[];
  /** The client's current package: selected when the panel opens, so the default action is a renewal. */
  current: string | null;
  names: Record<string, string>;
  action: Action;
}) {
  const initial = previews.find((x) => x.package_type === current)?.package_type ?? previews[0]?.package_type ?? '';
  const [selected, setSelected] = useState(initial);
  const [state, dispatch, pending] = useActionState(action, {} as FormState);
  const fb = useSubmitFeedback(state);
  const p = previews.find((x) => x.package_type === selected);
  const label = (code: string, platformName: string) => {
    const own = names[code];
    return own && own !== platformName ? `${own} (${platformName})` : platformName;
  };

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (pending || !p) return;
    fb.onSubmit();
    const fd = new FormData(e.currentTarget);
    startTransition(() => dispatch(fd));
  };

  return (
    <form onSubmit={submit} className="space-y-4" data-testid="activation-form" noValidate>
      <input type="hidden" name="client_id" value={clientId} />
      {p && <input type="hidden" name="expected_price" value={p.price} />}
      {p && <input type="hidden" name="expected_refund" value={p.refund} />}
      {fb.showMessage && <FormMessage state={state} testId="activation-result" />}
      <div role="radiogroup" aria-label="Package" className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        {previews.map((x) => {
          const checked = selected === x.package_type;
          return (
            <label
              key={x.package_type}
              className={`flex cursor-pointer items-start gap-3 rounded-lg border p-3 ${checked ? 'border-brand-600 bg-brand-50' : 'border-slate-200 hover:bg-slate-50'}`}
              data-testid={`package-option-${x.package_type}`}
            >
              <input
                type="radio"
                name="package_type"
                value={x.package_type}
                checked={checked}
                onChange={() => {
                  setSelected(x.package_type);
                  fb.dismiss();
                }}
                className="mt-1"
              />
              <span className="min-w-0">
                <span className="block font-medium">
                  {label(x.package_type, x.name)}
                  {x.package_type === current && (
                    <span className="ml-2 rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-medium text-emerald-800">current</span>
                  )}
                </span>
                <span className="block text-sm tabular-nums text-slate-600">{formatMoney(x.price)}</span>
              </span>
            </label>
          );
        })}
      </div>
      {p && <Preview p={p} label={label} />}
      {p && !p.sufficient && (
        <p className="text-sm text-red-700">Not enough credit for this package. Ask the platform admin for a top-up.</p>
      )}
      <button type="submit" disabled={pending || !p} className={buttonClass('primary')} data-testid="activate-submit">
        {pending ? 'Working…' : p ? `${BUTTON[p.kind]}: ${label(p.package_type, p.name)}` : 'Choose a package'}
      </button>
    </form>
  );
}

function Preview({ p, label }: { p: ActivationPreview; label: (code: string, name: string) => string }) {
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-1 rounded-lg bg-slate-50 p-3 text-sm tabular-nums" data-testid="activation-preview">
      <dt className="text-slate-500">Package</dt>
      <dd className="text-right font-medium" data-testid="preview-package">
        {label(p.package_type, p.name)}
      </dd>
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
      {p.refunds.map((r) => (
        <RefundRow key={r.subscription_id} r={r} label={label} />
      ))}
      {p.refunds.length > 1 && (
        <>
          <dt className="text-slate-500">Refunds in total</dt>
          <dd className="text-right text-emerald-700" data-testid="preview-refund-total">
            +{formatMoney(p.refund)}
          </dd>
        </>
      )}
      <dt className="text-slate-500">Balance now</dt>
      <dd className="text-right">{formatMoney(p.credit_balance)}</dd>
      <dt className="font-medium">Balance after</dt>
      <dd className={`text-right font-medium ${p.sufficient ? '' : 'text-red-700'}`} data-testid="preview-balance-after">
        {formatMoney(p.balance_after)}
      </dd>
    </dl>
  );
}

function RefundRow({ r, label }: { r: ActivationPreview['refunds'][number]; label: (code: string, name: string) => string }) {
  const what = r.queued
    ? `Refund: queued ${label(r.package_type, r.name)} (${formatDate(r.starts_at)} – ${formatDate(r.ends_at)}), in full`
    : `Refund: ${r.unused_days} unused day${r.unused_days === 1 ? '' : 's'} of ${label(r.package_type, r.name)}`;
  return (
    <>
      <dt className="text-slate-500" data-testid="preview-refund-line">
        {what}
        {r.paid_by === 'client' && ' (to the client’s credit)'}
      </dt>
      <dd className="self-end text-right text-emerald-700">+{formatMoney(r.amount)}</dd>
    </>
  );
}
