import { z } from 'zod';
import { email, money, name, optionalText, PHONE_HINT, pagination, password, phone } from './common';

export const CLIENT_STATUSES = ['trial', 'active', 'expired', 'suspended'] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];
export const CLIENT_SORTS = ['created_at', 'name', 'expiry'] as const;

export const trialDays = z.coerce
  .number({ error: 'Trial days must be a number.' })
  .int('Trial days must be a whole number.')
  .min(0, 'Trial days are 0 to 30.')
  .max(30, 'Trial days are 0 to 30.');

export const createClientInput = z.object({
  name,
  email,
  password,
  phone: optionalText(32, phone, PHONE_HINT),
  account_name: optionalText(120),
  country: optionalText(2, z.string().regex(/^[A-Za-z]{2}$/), 'Use a two-letter country code.'),
  time_zone: optionalText(64),
  trial_days: trialDays.optional(),
});
export type CreateClientInput = z.infer<typeof createClientInput>;

export const updateClientInput = z
  .object({
    name,
    email,
    password,
    phone: z.union([phone, z.literal(''), z.null()]).transform((v) => v || null),
    account_name: z.union([z.string().trim().max(120), z.null()]).transform((v) => v || null),
    country: z
      .union([
        z
          .string()
          .trim()
          .regex(/^[A-Za-z]{2}$/, 'Use a two-letter country code.')
          .toUpperCase(),
        z.literal(''),
        z.null(),
      ])
      .transform((v) => v || null),
    time_zone: z.union([z.string().trim().max(64), z.null()]).transform((v) => v || null),
    auto_renew: z.boolean(),
  })
  .partial()
  .strict();
export type UpdateClientInput = z.infer<typeof updateClientInput>;

export const listClientsQuery = pagination.extend({
  search: z.string().trim().max(100).optional(),
  status: z.enum(CLIENT_STATUSES, { error: 'Status is trial, active, expired or suspended.' }).optional(),
  /** Admin only: one reseller's clients. */
  reseller_id: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  sort: z.enum(CLIENT_SORTS, { error: 'Sort by created_at, name or expiry.' }).default('created_at'),
  dir: z.enum(['asc', 'desc'], { error: 'dir is asc or desc.' }).default('desc'),
  /**
   * Keyset paging: the `next_cursor` of the page before (same sort and filters). Each page then costs the
   * same however deep it is; `page` is ignored while a cursor is given.
   */
  cursor: z
    .string()
    .trim()
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/, 'Not a valid cursor.')
    .optional(),
});
export type ListClientsQuery = z.infer<typeof listClientsQuery>;

export const activateInput = z.object({
  package_type: z
    .string({ error: 'package_type is required.' })
    .trim()
    .min(1, 'package_type is required.')
    .max(64)
    .regex(/^[a-z0-9_]+$/, 'Unknown package_type.'),
  /**
   * The quote the caller saw: the package price it expects to be charged and (optional) the refund it
   * expects back on a switch. When either differs now, nothing is charged: 409 price_changed.
   */
  expected_price: money.min(0, 'expected_price cannot be negative.').optional(),
  expected_refund: money.min(0, 'expected_refund cannot be negative.').optional(),
});
export type ActivateInput = z.infer<typeof activateInput>;

export const extendTrialInput = z.object({
  days: z.number({ error: 'days is a number.' }).int('Whole days.').min(1, 'Extend by 1 to 30 days.').max(30, 'Extend by 1 to 30 days.'),
});
