// For a client: how to reach and pay its reseller (docs/payments.md). Contacts as links (mail, phone,
// viber://, https://t.me/) and the reseller's published payment accounts with QR codes. On the overview
// (renewal) and on the expired screen.
import { useTranslations } from 'next-intl';
import type { PaymentAccountView } from '@/lib/services/payment-accounts';
import { telegramLink, viberLink } from '@/lib/support-links';
import { PaymentAccountList } from './payment-account-list';

export interface ProviderContacts {
  name: string;
  email: string;
  phone: string;
  viber: string | null;
  telegram: string | null;
}

const link = 'font-medium text-brand-700 underline-offset-2 hover:underline';

export function ProviderContactLinks({ reseller }: { reseller: ProviderContacts }) {
  const t = useTranslations('support');
  return (
    <p className="flex flex-wrap justify-center gap-x-3 gap-y-1 text-sm sm:justify-start" data-testid="provider-contacts">
      <a href={`mailto:${reseller.email}`} className={link}>
        {reseller.email}
      </a>
      <a href={`tel:${reseller.phone.replace(/[^\d+]/g, '')}`} className={link}>
        {reseller.phone}
      </a>
      {reseller.viber && (
        <a href={viberLink(reseller.viber)} className={link} data-testid="support-viber">
          {t('viberLink')} {reseller.viber}
        </a>
      )}
      {reseller.telegram && (
        <a href={telegramLink(reseller.telegram)} className={link} target="_blank" rel="noopener noreferrer" data-testid="support-telegram">
          {t('telegramLink')} @{reseller.telegram}
        </a>
      )}
    </p>
  );
}

export function PayProvider({ reseller, accounts }: { reseller: ProviderContacts; accounts: PaymentAccountView[] }) {
  const t = useTranslations('payments');
  if (!accounts.length) return null;
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-4 text-left shadow-sm" data-testid="pay-provider">
      <h2 className="font-semibold">{t('payTitle', { name: reseller.name })}</h2>
      <p className="mb-3 text-sm text-slate-600">{t('payHint', { name: reseller.name })}</p>
      <PaymentAccountList accounts={accounts} imageBase="/client/images" testId="reseller-payment-accounts" />
    </section>
  );
}
