'use server';
import { revalidatePath } from 'next/cache';
import { formatDate, formatMoney } from '@/lib/format';
import { formAction } from '@/lib/http/form-action';
import { activatePackage } from '@/lib/services/activation';
import { activateInput } from '@/lib/validation/clients';

/** The client renews its current package, paying from the credit balance its reseller transferred to it. */
export const renewFromBalanceAction = formAction('client', activateInput, async ({ db, actor, input }) => {
  const res = await activatePackage(db, actor, actor.userId, input);
  revalidatePath('/client', 'layout');
  return { ok: true, message: `Renewed until ${formatDate(res.subscription.ends_at)}. Balance now ${formatMoney(res.credit_balance)}.` };
});
