// The payment accounts page (admin: the platform's; reseller: its own): each account with its QR code and
// an edit form, and a form to add one.
import { useTranslations } from 'next-intl';
import { Badge, Card, PageHeader } from '@/components/ui';
import type { FormState } from '@/lib/http/form-action';
import type { PaymentAccountView } from '@/lib/services/payment-accounts';
import { PaymentAccountForm } from './payment-account-form';

type Action = (state: FormState, fd: FormData) => Promise<FormState>;

export function PaymentAccountsManager({
  accounts,
  subtitle,
  imageBase,
  create,
  update,
}: {
  accounts: PaymentAccountView[];
  subtitle: string;
  imageBase: string;
  create: Action;
  update: Action;
}) {
  const t = useTranslations('payments');
  return (
    <>
      <PageHeader title={t('accountsTitle')} subtitle={subtitle} />
      <div className="grid gap-5 lg:grid-cols-5">
        <div className="space-y-3 lg:col-span-3" data-testid="payment-account-admin-list">
          {accounts.length === 0 && <Card>{t('none')}</Card>}
          {accounts.map((a) => (
            <Card key={a.id}>
              <div className="flex gap-3" data-testid={`payment-account-${a.id}`}>
                {a.qr_image_id !== null && (
                  // eslint-disable-next-line @next/next/no-img-element -- a private image from our own route
                  <img
                    src={`${imageBase}/${a.qr_image_id}`}
                    alt={t('qrAlt', { method: t(`method.${a.method}`), number: a.account_number })}
                    className="h-20 w-20 shrink-0 rounded border border-slate-100 object-contain"
                  />
                )}
                <div className="min-w-0 flex-1 text-sm">
                  <p className="flex flex-wrap items-center gap-2 font-semibold">
                    {t(`method.${a.method}`)} <Badge tone={a.enabled ? 'green' : 'slate'}>{a.enabled ? t('on') : t('off')}</Badge>
                  </p>
                  <p className="break-words">{a.account_name}</p>
                  <p className="font-mono tabular-nums">{a.account_number}</p>
                </div>
              </div>
              <details className="mt-3">
                <summary className="cursor-pointer text-sm font-medium text-brand-700">{t('edit')}</summary>
                <div className="mt-3">
                  <PaymentAccountForm action={update} account={a} testId={`edit-payment-account-${a.id}`} />
                </div>
              </details>
            </Card>
          ))}
        </div>
        <Card title={t('addTitle')} className="lg:col-span-2">
          <PaymentAccountForm action={create} testId="new-payment-account" />
        </Card>
      </div>
    </>
  );
}
