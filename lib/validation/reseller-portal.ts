// Schemas for the reseller portal's forms. Field rules come from ./clients, ./branding and ./common so
// that the portal and the reseller API agree.
import { z } from 'zod';
import { transferInput } from './branding';
import { updateClientInput } from './clients';
import { idParam, password } from './common';

export const clientRef = z.object({ client_id: idParam });

/** Edit profile: every field sent; blanks clear the optional ones. */
export const editClientForm = updateClientInput
  .pick({ name: true, email: true, phone: true, account_name: true, country: true, time_zone: true })
  .required({ name: true, email: true })
  .extend({ client_id: idParam });

export const resetPasswordForm = z
  .object({ client_id: idParam, password, password_confirmation: z.string().max(200) })
  .superRefine((v, ctx) => {
    if (v.password !== v.password_confirmation)
      ctx.addIssue({ code: 'custom', path: ['password_confirmation'], message: 'Passwords do not match.' });
  });

export const extendTrialForm = z.object({
  client_id: idParam,
  days: z
    .number({ error: 'Enter a number of days.' })
    .int('Whole days.')
    .min(1, 'Extend by 1 to 30 days.')
    .max(30, 'Extend by 1 to 30 days.'),
});

export const autoRenewForm = z.object({ client_id: idParam, auto_renew: z.enum(['1', '0']) });

/** Give credit to a client, or take unused client credit back: the amount is typed positive. */
export const transferForm = transferInput.extend({
  client_id: idParam,
  direction: z.enum(['give', 'take'], { error: 'Choose give or take back.' }),
  amount: z
    .number({ error: 'Enter an amount in MMK.' })
    .int('Must be a whole number of MMK.')
    .min(1, 'Amount must be positive.')
    .max(1_000_000_000_000, 'Amount is too large.'),
});

export const renewForm = z.object({
  client_id: idParam,
  package_type: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9_]+$/),
});
