'use server';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { formAction, num } from '@/lib/http/form-action';
import { getFormat } from '@/lib/i18n/server';
import { activatePackage } from '@/lib/services/activation';
import { activateInput } from '@/lib/validation/clients';

/**
 * The client renews its current package, paying from the credit balance its reseller transferred to it,
 * at the price it was shown (a changed price is refused, not charged).
 */
export const renewFromBalanceAction = formAction(
  'client',
  activateInput,
  async ({ db, actor, input }) => {
    try {
      const res = await activatePackage(db, actor, actor.userId, input);
      const [t, f] = await Promise.all([getTranslations('actionResult'), getFormat()]);
      return {
        ok: true,
        message: t('renewedUntil', { date: f.date(res.subscription.ends_at), balance: f.money(res.credit_balance) }),
      };
    } finally {
      revalidatePath('/client', 'layout');
    }
  },
  (v) => ({ ...v, expected_price: num(v.expected_price) }),
);
