// "Where to pay" on the reseller's Credit page: the platform's published payment accounts with QR codes.
import { useTranslations } from 'next-intl';
import { Card } from '@/components/ui';
import type { PaymentAccountView } from '@/lib/services/payment-accounts';
import { PaymentAccountList } from './payment-account-list';

export function PayeeCard({ accounts }: { accounts: PaymentAccountView[] }) {
  const t = useTranslations('payments');
  return (
    <Card title={t('whereToPay')} className="mb-5">
      <p className="mb-3 text-sm text-slate-600">{t('whereToPayHint')}</p>
      <PaymentAccountList accounts={accounts} imageBase="/reseller/images" testId="platform-payment-accounts" />
    </Card>
  );
}
