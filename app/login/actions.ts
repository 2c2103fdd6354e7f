'use server';
import { isRedirectError } from 'next/dist/client/components/redirect-error';
import { AuthError } from 'next-auth';
import { signIn, signOut } from '@/lib/auth/auth';
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
            : 'Email or password is incorrect.';
      return { ok: false, message, values: { email: values.email ?? '' } };
    }
    throw err;
  }
}

export async function logoutAction(): Promise<void> {
  await signOut({ redirectTo: '/login' });
}
