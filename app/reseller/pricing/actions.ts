'use server';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { formAction, num } from '@/lib/http/form-action';
import { getFormat } from '@/lib/i18n/server';
import { setRetailPrice } from '@/lib/services/pricing';
import { retailPriceInput } from '@/lib/validation/branding';

export const setRetailPriceAction = formAction(
  'reseller',
  retailPriceInput,
  async ({ db, actor, input }) => {
    const p = await setRetailPrice(db, actor, input);
    revalidatePath('/reseller', 'layout');
    const [t, f] = await Promise.all([getTranslations('reseller.pricing'), getFormat()]);
    return { ok: true, message: t('saved', { name: p.display_name, price: f.money(p.retail_price) }) };
  },
  (v) => ({ ...v, retail_price: num(v.retail_price), allow_below_cost: v.allow_below_cost === '1' || undefined }),
);
