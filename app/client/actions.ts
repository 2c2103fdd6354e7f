'use server';
import { revalidatePath } from 'next/cache';
import { formatDate, formatMoney } from '@/lib/format';
import { formAction, num } from '@/lib/http/form-action';
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
      return {
        ok: true,
        message: `Renewed until ${formatDate(res.subscription.ends_at)}. Balance now ${formatMoney(res.credit_balance)}.`,
      };
    } finally {
      revalidatePath('/client', 'layout');
    }
  },
  (v) => ({ ...v, expected_price: num(v.expected_price) }),
);
