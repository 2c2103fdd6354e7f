'use server';
import { revalidatePath } from 'next/cache';
import { formatMoney } from '@/lib/format';
import { formAction, num } from '@/lib/http/form-action';
import { setRetailPrice } from '@/lib/services/pricing';
import { retailPriceInput } from '@/lib/validation/branding';

export const setRetailPriceAction = formAction(
  'reseller',
  retailPriceInput,
  async ({ db, actor, input }) => {
    const p = await setRetailPrice(db, actor, input);
    revalidatePath('/reseller', 'layout');
    return { ok: true, message: `Saved: ${p.display_name} at ${formatMoney(p.retail_price)}.` };
  },
  (v) => ({ ...v, retail_price: num(v.retail_price), allow_below_cost: v.allow_below_cost === '1' || undefined }),
);
