// Beside the admin's approve and reject buttons: the account the reseller says it paid into and its payment
// slip (docs/payments.md); the slip opens full size in a new tab.
import { useTranslations } from 'next-intl';
import type { TopupRequestView } from '@/lib/services/topups';

export function PaidInto({ r }: { r: Pick<TopupRequestView, 'payment_account'> }) {
  const t = useTranslations('payments');
  const a = r.payment_account;
  if (!a) return null;
  return (
    <p className="break-words text-sm text-slate-700" data-testid="topup-paid-into">
      {t('paidIntoLine', { method: t(`method.${a.method}` as 'method.other'), number: a.account_number, name: a.account_name })}
    </p>
  );
}

export function SlipPreview({ r }: { r: Pick<TopupRequestView, 'id' | 'slip_image_id'> }) {
  const t = useTranslations('payments');
  if (r.slip_image_id === null) return null;
  const src = `/admin/images/${r.slip_image_id}`;
  return (
    <a href={src} target="_blank" rel="noopener" className="mb-2 block w-fit" data-testid={`topup-slip-${r.id}`}>
      {/* eslint-disable-next-line @next/next/no-img-element -- a private image from our own route */}
      <img src={src} alt={t('slipAlt', { id: r.id })} className="max-h-40 w-auto rounded border border-slate-200 object-contain" />
      <span className="text-xs text-brand-700 underline">{t('viewSlip')}</span>
    </a>
  );
}
