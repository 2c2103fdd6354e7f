'use server';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { formAction } from '@/lib/http/form-action';
import { updateBranding } from '@/lib/services/branding';
import { updateBrandingInput } from '@/lib/validation/branding';

/**
 * The branding form: blanks clear the optional fields; `logo` is '' (keep the current one), 'remove', or
 * a new image as a data URL (read in the browser, at most 200 kB).
 */
export const updateBrandingAction = formAction(
  'reseller',
  updateBrandingInput,
  async ({ db, actor, input }) => {
    const b = await updateBranding(db, actor, input);
    revalidatePath('/reseller/branding');
    const t = await getTranslations('reseller.branding');
    return { ok: true, message: t('saved', { url: b.login_url }), data: { logo_url: b.logo_url } };
  },
  (v) => ({
    subdomain: v.subdomain,
    brand_name: v.brand_name?.trim() ? v.brand_name : null,
    color: v.color ? v.color : null,
    support_email: v.support_email?.trim() ? v.support_email.trim() : null,
    support_phone: v.support_phone?.trim() ? v.support_phone : null,
    support_viber: v.support_viber?.trim() ? v.support_viber : null,
    support_telegram: v.support_telegram?.trim() ? v.support_telegram : null,
    ...(v.logo === 'remove' ? { logo_url: null } : v.logo ? { logo_url: v.logo } : {}),
  }),
);
