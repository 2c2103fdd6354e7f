import { z } from 'zod';
import { email, password, phone } from './common';

const text = (max: number, label: string) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} is too long.`);

/** ClickSend's account fields (all eight required on create, any subset on PUT). */
export const clicksendAccountFields = {
  username: text(64, 'username'),
  password,
  user_email: email,
  user_phone: phone,
  user_first_name: text(60, 'user_first_name'),
  user_last_name: text(60, 'user_last_name'),
  account_name: text(120, 'account_name'),
  country: text(64, 'country'),
};

export const clicksendCreateAccount = z.object(clicksendAccountFields);
export type ClicksendCreateAccount = z.infer<typeof clicksendCreateAccount>;

export const clicksendUpdateAccount = z.object(clicksendAccountFields).partial();
export type ClicksendUpdateAccount = z.infer<typeof clicksendUpdateAccount>;

export const clicksendListQuery = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  // ClickSend pages hold 15 by default and accept 15..100; out-of-range values are clamped like theirs.
  limit: z.coerce
    .number()
    .int()
    .default(15)
    .transform((v) => Math.min(100, Math.max(15, v))),
});

export const clicksendTransferCredit = z.object({
  client_user_id: z.coerce.number({ error: 'client_user_id is required.' }).int().positive().max(2_147_483_647, 'No such client_user_id.'),
  balance: z
    .number({ error: 'balance is required.' })
    .refine((v) => Number.isInteger(v) && v !== 0, 'balance must be a non-zero whole number of MMK.'),
  currency: z.string().trim().toUpperCase().optional(),
});
