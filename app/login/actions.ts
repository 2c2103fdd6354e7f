'use server';
import { isRedirectError } from 'next/dist/client/components/redirect-error';
import { AuthError } from 'next-auth';
import { getTranslations } from 'next-intl/server';
import { signIn, signOut } from '@/lib/auth/auth';
import { platformLoginUrl, requestBrand } from '@/lib/auth/request-brand';
import { revokeCurrentSession } from '@/lib/auth/session';
import { toDomainError } from '@/lib/http/errors';
import type { FormState } from '@/lib/http/form-action';
import { formValues } from '@/lib/http/form-action';
import { readerError } from '@/lib/i18n/errors';
import { credentials } from '@/lib/validation/common';

// Sign-in for all three roles; "/" sends each role to its portal.
export async function loginAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const values = formValues(fd);
  const parsed = credentials.safeParse(values);
  if (!parsed.success) {
    const { fieldErrors } = await readerError(toDomainError(parsed.error), parsed.error);
    return { ok: false, fieldErrors, values: { email: values.email ?? '' } };
  }
  try {
    await signIn('credentials', { ...parsed.data, redirectTo: '/' });
    return { ok: true };
  } catch (err) {
    if (isRedirectError(err)) throw err;
    if (err instanceof AuthError) {
      const code = (err as AuthError & { code?: string }).code;
      const t = await getTranslations('login');
      const message =
        code === 'account_suspended'
          ? t('suspended')
          : code === 'rate_limited'
            ? t('rateLimited')
            : code === 'wrong_portal'
              ? await wrongPortalMessage()
              : t('wrong');
      return { ok: false, message, values: { email: values.email ?? '' } };
    }
    throw err;
  }
}

/** Ends the session on the server first (a copied cookie stops working), then clears it here. */
export async function logoutAction(): Promise<void> {
  await revokeCurrentSession();
  await signOut({ redirectTo: '/login' });
}

/** On a brand's subdomain, someone who is not that brand's client (or the reseller itself) is told where to go. */
async function wrongPortalMessage(): Promise<string> {
  const brand = await requestBrand();
  const url = await platformLoginUrl();
  const t = await getTranslations('login');
  return brand ? t('wrongPortalBrand', { brand: brand.name, url }) : t('wrongPortal', { url });
}
