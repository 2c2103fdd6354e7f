'use server';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { formAction } from '@/lib/http/form-action';
import { setResellerClientLanguage } from '@/lib/services/language';

/** The default language of the reseller's clients' portal ('' = the platform's default). */
export const setClientLanguageAction = formAction(
  'reseller',
  z.object({ client_language: z.enum(['', 'en', 'my']) }),
  async ({ db, actor, input }) => {
    await setResellerClientLanguage(db, actor, input.client_language || null);
    revalidatePath('/reseller/branding');
    return { ok: true, message: (await getTranslations('reseller.branding'))('clientLanguageSaved') };
  },
);
