'use client';
// One package of an own-plans reseller's price list: edit the retail price and display name, see the
// profit and margin change as you type, save the row.
import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { FieldErrors, SubmitButton } from '@/components/action-form';
import { inputClass } from '@/components/ui';
import { useSubmitFeedback } from '@/components/use-submit-feedback';
import type { FormState } from '@/lib/http/form-action';
import { useFormat } from '@/lib/i18n/format';

type Action = (state: FormState, fd: FormData) => Promise<FormState>;

export function PriceRow({
  pkg,
  action,
}: {
  pkg: {
    package_type: string;
    name: string;
    cost: number;
    retail_price: number;
    display_name: string;
    daily_limit: number;
    period_limit: number;
    device_limit: number;
  };
  action: Action;
}) {
  const t = useTranslations('reseller.pricing');
  const f = useFormat();
  const formatMoney = f.money;
  const [state, formAction] = useActionState(action, {} as FormState);
  const fb = useSubmitFeedback(state);
  const [price, setPrice] = useState(String(pkg.retail_price));
  const n = Number(price.replace(/[,\s]/g, ''));
  const valid = price.trim() !== '' && Number.isFinite(n);
  const profit = valid ? n - pkg.cost : 0;
  const margin = valid && pkg.cost > 0 ? Math.round((profit / pkg.cost) * 1000) / 10 : 0;
  const id = `price-${pkg.package_type}`;
  const belowCost = valid && n < pkg.cost;
  return (
    <form
      action={formAction}
      onChange={fb.onChange}
      onSubmit={fb.onSubmit}
      className="grid grid-cols-2 items-start gap-x-3 gap-y-2 py-4 md:grid-cols-[1.3fr_1fr_1.2fr_1.4fr_1fr_auto] md:items-center md:py-3"
      data-testid={`price-row-${pkg.package_type}`}
    >
      <input type="hidden" name="package_type" value={pkg.package_type} />
      <div className="col-span-2 md:col-span-1">
        <div className="font-medium">{pkg.name}</div>
        <div className="text-xs text-slate-500">
          {t('limits', { daily: pkg.daily_limit, period: pkg.period_limit, devices: pkg.device_limit })}
        </div>
      </div>
      <div className="text-sm">
        <span className="block text-xs text-slate-500 md:hidden">{t('yourCost')}</span>
        <span className="tabular-nums">{formatMoney(pkg.cost)}</span>
      </div>
      <div>
        <label htmlFor={id} className="block text-xs text-slate-500 md:sr-only">
          {t('sellAt')}
        </label>
        <input
          id={id}
          name="retail_price"
          inputMode="numeric"
          value={price}
          onChange={(e) => setPrice(e.target.value)}
          aria-invalid={fb.fieldErrors?.retail_price ? true : undefined}
          className={inputClass}
        />
        <FieldErrors errors={fb.fieldErrors?.retail_price} id={`${id}-error`} />
      </div>
      <div className="col-span-2 md:col-span-1">
        <label htmlFor={`${id}-name`} className="block text-xs text-slate-500 md:sr-only">
          {t('displayName')}
        </label>
        <input
          id={`${id}-name`}
          name="display_name"
          defaultValue={pkg.display_name === pkg.name ? '' : pkg.display_name}
          placeholder={pkg.name}
          className={inputClass}
        />
        <FieldErrors errors={fb.fieldErrors?.display_name} id={`${id}-name-error`} />
      </div>
      <div className="text-sm tabular-nums">
        <span className="block text-xs text-slate-500 md:hidden">{t('profitMargin')}</span>
        <span className={profit < 0 ? 'text-red-700' : 'text-emerald-700'} data-testid={`profit-${pkg.package_type}`}>
          {formatMoney(profit)}
        </span>
        <span className="text-slate-500"> · {f.number(margin)}%</span>
      </div>
      <div className="flex flex-col items-end gap-1 self-end md:self-center">
        <SubmitButton variant="secondary">{t('save')}</SubmitButton>
      </div>
      {belowCost && (
        <div
          role="alert"
          className="col-span-2 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-900 md:col-span-6"
          data-testid={`below-cost-${pkg.package_type}`}
        >
          {t('belowCost', { cost: formatMoney(pkg.cost), loss: formatMoney(pkg.cost - n) })}{' '}
          <label className="ml-1 inline-flex items-center gap-1.5 font-medium">
            <input type="checkbox" name="allow_below_cost" value="1" /> {t('sellAnyway')}
          </label>
        </div>
      )}
      {fb.showMessage && (
        <p
          role={state.ok ? 'status' : 'alert'}
          className={`col-span-2 text-xs md:col-span-6 ${state.ok ? 'text-emerald-700' : 'text-red-700'}`}
        >
          {state.message}
        </p>
      )}
    </form>
  );
}
