// Where to pay: payment accounts with their QR codes (docs/payments.md). Used on the reseller's Credit page
// (the platform's accounts) and on a client's overview and expired screen (its reseller's).
import { useTranslations } from 'next-intl';
import type { PaymentAccountView } from '@/lib/services/payment-accounts';

export function PaymentAccountList({
  accounts,
  imageBase,
  testId = 'payment-accounts',
}: {
  accounts: PaymentAccountView[];
  /** `/reseller/images` or `/client/images`: the portal's image route for the viewer. */
  imageBase: string;
  testId?: string;
}) {
  const t = useTranslations('payments');
  if (!accounts.length) return <p className="text-sm text-slate-600">{t('noneForPayer')}</p>;
  return (
    <ul className="grid gap-3 sm:grid-cols-2" data-testid={testId}>
      {accounts.map((a) => (
        <li key={a.id} className="flex gap-3 rounded-lg border border-slate-200 bg-white p-3" data-testid={`payment-account-${a.id}`}>
          {a.qr_image_id !== null && (
            // eslint-disable-next-line @next/next/no-img-element -- a private image from our own route
            <img
              src={`${imageBase}/${a.qr_image_id}`}
              alt={t('qrAlt', { method: t(`method.${a.method}`), number: a.account_number })}
              className="h-28 w-28 shrink-0 rounded border border-slate-100 object-contain"
              data-testid="payment-account-qr"
            />
          )}
          <div className="min-w-0 text-sm">
            <p className="font-semibold">{t(`method.${a.method}`)}</p>
            <p className="break-words">{a.account_name}</p>
            <p className="font-mono text-base tabular-nums" data-testid="payment-account-number">
              {a.account_number}
            </p>
            {a.instructions && <p className="mt-1 whitespace-pre-line break-words text-xs text-slate-600">{a.instructions}</p>}
          </div>
        </li>
      ))}
    </ul>
  );
}
