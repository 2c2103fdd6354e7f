'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { signIn } from '@/lib/auth/auth';
import { formAction } from '@/lib/http/form-action';
import { logError } from '@/lib/log';
import { changeOwnPassword } from '@/lib/services/account';
import { password } from '@/lib/validation/common';

const changePasswordInput = z
  .object({
    current_password: z.string({ error: 'Enter your current password.' }).min(1, 'Enter your current password.').max(200),
    new_password: password,
    confirm_password: z.string(),
  })
  .superRefine((v, ctx) => {
    if (v.confirm_password !== v.new_password)
      ctx.addIssue({ code: 'custom', path: ['confirm_password'], message: 'The passwords do not match.' });
  });

/**
 * Changes the password and ends every session of the account (other browsers, API login tokens); this
 * browser is signed in again with the new password so the user stays where they are.
 */
export const changePasswordAction = formAction('client', changePasswordInput, async ({ db, actor, email, input }) => {
  await changeOwnPassword(db, actor, { current: input.current_password, next: input.new_password });
  try {
    await signIn('credentials', { email, password: input.new_password, redirect: false });
  } catch (err) {
    logError('re-sign-in after a password change failed', err);
    redirect('/login?password_changed=1');
  }
  // The new session cookie reloads the page anyway: say what happened through the URL.
  redirect('/client/account?password_changed=1');
});
