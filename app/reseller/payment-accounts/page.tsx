import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PaymentAccountsManager } from '@/components/payments/payment-accounts-manager';
import { requireRole } from '@/lib/auth/session';
import { listOwnPaymentAccounts } from '@/lib/services/payment-accounts';
import { createPaymentAccountAction, updatePaymentAccountAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('payments'))('accountsTitle') };
}

export default async function PaymentAccountsPage() {
  const { db, actor } = await requireRole('reseller');
  const [accounts, t] = await Promise.all([listOwnPaymentAccounts(db, actor), getTranslations('payments')]);
  return (
    <PaymentAccountsManager
      accounts={accounts}
      subtitle={t('resellerSubtitle')}
      imageBase="/reseller/images"
      create={createPaymentAccountAction}
      update={updatePaymentAccountAction}
    />
  );
}
