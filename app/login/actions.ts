'use server';
import { isRedirectError } from 'next/dist/client/components/redirect-error';
import { AuthError } from 'next-auth';
import { signIn, signOut } from '@/lib/auth/auth';
import { platformLoginUrl, requestBrand } from '@/lib/auth/request-brand';
import { revokeCurrentSession } from '@/lib/auth/session';
import { zodFieldErrors } from '@/lib/http/errors';
import type { FormState } from '@/lib/http/form-action';
import { formValues } from '@/lib/http/form-action';
import { credentials } from '@/lib/validation/common';

// Sign-in for all three roles; "/" sends each role to its portal.
export async function loginAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const values = formValues(fd);
  const parsed = credentials.safeParse(values);
  if (!parsed.success) return { ok: false, fieldErrors: zodFieldErrors(parsed.error), values: { email: values.email ?? '' } };
  try {
    await signIn('credentials', { ...parsed.data, redirectTo: '/' });
    return { ok: true };
  } catch (err) {
    if (isRedirectError(err)) throw err;
    if (err instanceof AuthError) {
      const code = (err as AuthError & { code?: string }).code;
      const message =
        code === 'account_suspended'
          ? 'This account is suspended. Contact your provider.'
          : code === 'rate_limited'
            ? 'Too many sign-in attempts. Wait 15 minutes and try again.'
            : code === 'wrong_portal'
              ? await wrongPortalMessage()
              : 'Email or password is incorrect.';
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
  const main = await platformLoginUrl();
  return brand
    ? `This sign-in page is for ${brand.name}'s clients; sign in at ${main}.`
    : `This sign-in page is not for your account; sign in at ${main}.`;
}
