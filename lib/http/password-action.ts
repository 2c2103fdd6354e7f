import 'server-only';
// The "change password" form of every portal's account page (admin, reseller, client): one schema, one
// service function (changeOwnPassword), one way of keeping this browser signed in afterwards.
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { signIn } from '@/lib/auth/auth';
import type { Role } from '@/lib/auth/permissions';
import { logError } from '@/lib/log';
import { changeOwnPassword } from '@/lib/services/account';
import { password } from '@/lib/validation/common';
import { formAction } from './form-action';

export const changePasswordInput = z
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
 * The server action for `role`'s account page: changes the password and ends every session of the account
 * (other browsers, API login tokens); this browser is signed in again with the new password so the user stays
 * on `accountPath`, which is told through `?password_changed=1`.
 */
export function changePasswordFormAction(role: Role, accountPath: string) {
  return formAction(role, changePasswordInput, async ({ db, actor, email, input }) => {
    await changeOwnPassword(db, actor, { current: input.current_password, next: input.new_password });
    try {
      await signIn('credentials', { email, password: input.new_password, redirect: false });
    } catch (err) {
      logError('re-sign-in after a password change failed', err);
      redirect('/login?password_changed=1');
    }
    redirect(`${accountPath}?password_changed=1`);
  });
}
