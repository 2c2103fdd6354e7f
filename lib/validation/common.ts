import { z } from 'zod';

/** Integer amount of the platform currency (MMK has no minor unit). */
export const money = z.number({ error: 'Must be a whole number of MMK.' }).int('Must be a whole number of MMK.').safe();

export const email = z
  .string({ error: 'Email is required.' })
  .trim()
  .toLowerCase()
  .max(254, 'Email is too long.')
  .pipe(z.email('Enter a valid email address.'));

export const password = z
  .string({ error: 'Password is required.' })
  .min(6, 'Password must be at least 6 characters.')
  .max(200, 'Password is too long.');

/** International phone: optional leading +, digits with spaces or dashes, 6-15 digits. */
export const phone = z
  .string()
  .trim()
  .max(32, 'Phone is too long.')
  .regex(/^\+?[0-9][0-9 -]{4,30}$/, 'Enter a phone number with country code, e.g. +95 9 123 456 789.')
  .refine((v) => {
    const digits = v.replace(/\D/g, '').length;
    return digits >= 6 && digits <= 15;
  }, 'Enter a phone number with country code, e.g. +95 9 123 456 789.');

export const name = z.string({ error: 'Name is required.' }).trim().min(1, 'Name is required.').max(120, 'Name is too long.');

/** An optional text field: blank reads as absent. With `format`, a non-blank value must also pass it. */
export const optionalText = (max: number, format?: z.ZodType<string>, message?: string) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters.`)
    .refine((v) => v === '' || !format || format.safeParse(v).success, message ?? 'Not valid.')
    .transform((v) => (v === '' ? undefined : v))
    .optional();

/** Query strings arrive as text: coerce, bound, default. */
export const pagination = z.object({
  page: z.coerce.number().int().min(1, 'page starts at 1.').max(1_000_000).default(1),
  limit: z.coerce.number().int().min(1).max(100, 'limit is at most 100.').default(20),
});
export type Pagination = z.infer<typeof pagination>;

export const idParam = z.coerce
  .number({ error: 'Not a valid id.' })
  .int('Not a valid id.')
  .positive('Not a valid id.')
  .max(2_147_483_647, 'Not a valid id.');

export const isoDate = z.iso.datetime({ offset: true }).or(z.iso.date());

export const credentials = z.object({
  email: z.string({ error: 'Email is required.' }).trim().toLowerCase().min(1, 'Email is required.').max(254),
  password: z.string({ error: 'Password is required.' }).min(1, 'Password is required.').max(200),
});
export type Credentials = z.infer<typeof credentials>;

export const auditQuery = pagination.extend({
  action: z.string().trim().max(80).optional(),
  target_type: z.string().trim().max(40).optional(),
  target_id: z.string().trim().max(40).optional(),
  actor_id: z.coerce.number().int().positive().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type AuditQuery = z.infer<typeof auditQuery>;
