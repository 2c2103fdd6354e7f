'use client';
// Choose a package, see what it costs now (price, each refund line of a switch, balance after), confirm.
// The radio group, the preview and the button always describe the same package, before and after every
// submit: the form is sent by hand (no automatic form reset after the action), and the submit carries the
// quote it showed, so the server charges exactly that or refuses (price_changed).
import { useTranslations } from 'next-intl';
import { type FormEvent, startTransition, useActionState, useState } from 'react';
import type { FormState } from '@/lib/http/form-action';
import { useFormat } from '@/lib/i18n/format';
import type { ActivationPreview } from '@/lib/services/activation';
import { FormMessage } from './action-form';
import { buttonClass } from './ui';
import { useSubmitFeedback } from './use-submit-feedback';

type Action = (state: FormState, fd: FormData) => Promise<FormState>;

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
  const t = useTranslations('activation');
  const f = useFormat();
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
      <div role="radiogroup" aria-label={t('package')} className="grid grid-cols-1 gap-2 sm:grid-cols-2">
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
                    <span className="ml-2 rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-medium text-emerald-800">{t('current')}</span>
                  )}
                </span>
                <span className="block text-sm tabular-nums text-slate-600">{f.money(x.price)}</span>
              </span>
            </label>
          );
        })}
      </div>
      {p && <Preview p={p} label={label} />}
      {p && !p.sufficient && <p className="text-sm text-red-700">{t('notEnough')}</p>}
      <button type="submit" disabled={pending || !p} className={buttonClass('primary')} data-testid="activate-submit">
        {pending ? t('working') : p ? t(`button.${p.kind}`, { name: label(p.package_type, p.name) }) : t('choose')}
      </button>
    </form>
  );
}

function Preview({ p, label }: { p: ActivationPreview; label: (code: string, name: string) => string }) {
  const t = useTranslations('activation');
  const f = useFormat();
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-1 rounded-lg bg-slate-50 p-3 text-sm tabular-nums" data-testid="activation-preview">
      <dt className="text-slate-500">{t('package')}</dt>
      <dd className="text-right font-medium" data-testid="preview-package">
        {label(p.package_type, p.name)}
      </dd>
      <dt className="text-slate-500">{t('type')}</dt>
      <dd className="text-right">{t(`kind.${p.kind}`)}</dd>
      <dt className="text-slate-500">{t('period')}</dt>
      <dd className="text-right">
        {f.date(p.starts_at)} – {f.date(p.ends_at)}
      </dd>
      <dt className="text-slate-500">{t('cost')}</dt>
      <dd className="text-right" data-testid="preview-cost">
        {f.money(p.price)}
      </dd>
      {p.refunds.map((r) => (
        <RefundRow key={r.subscription_id} r={r} label={label} />
      ))}
      {p.refunds.length > 1 && (
        <>
          <dt className="text-slate-500">{t('refundTotal')}</dt>
          <dd className="text-right text-emerald-700" data-testid="preview-refund-total">
            +{f.money(p.refund)}
          </dd>
        </>
      )}
      <dt className="text-slate-500">{t('balanceNow')}</dt>
      <dd className="text-right">{f.money(p.credit_balance)}</dd>
      <dt className="font-medium">{t('balanceAfter')}</dt>
      <dd className={`text-right font-medium ${p.sufficient ? '' : 'text-red-700'}`} data-testid="preview-balance-after">
        {f.money(p.balance_after)}
      </dd>
    </dl>
  );
}

function RefundRow({ r, label }: { r: ActivationPreview['refunds'][number]; label: (code: string, name: string) => string }) {
  const t = useTranslations('activation');
  const f = useFormat();
  const name = label(r.package_type, r.name);
  const what = r.queued
    ? t('refundQueued', { name, from: f.date(r.starts_at), to: f.date(r.ends_at) })
    : t('refundUnused', { days: r.unused_days, name });
  return (
    <>
      <dt className="text-slate-500" data-testid="preview-refund-line">
        {what}
        {r.paid_by === 'client' && ` ${t('toClientCredit')}`}
      </dt>
      <dd className="self-end text-right text-emerald-700">+{f.money(r.amount)}</dd>
    </>
  );
}
