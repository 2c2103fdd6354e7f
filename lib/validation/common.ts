import { z } from 'zod';
import { unicodeName } from '@/lib/text/zawgyi';

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

export const PHONE_HINT = 'Enter a phone number, e.g. 09 420 000 202 or +95 9 420 000 202.';

/**
 * A phone number as typed, national (`09 420 000 202`) or international. Only its shape is checked here;
 * the services parse it with libphonenumber in the right country (lib/phone.ts) and store E.164.
 */
export const phone = z
  .string()
  .trim()
  .max(32, 'Phone is too long.')
  .regex(/^[+(\d][\d\s().\-/]*$/, PHONE_HINT)
  .refine((v) => v.replace(/\D/g, '').length >= 3, PHONE_HINT);

/** A person's or company's name; typed in Zawgyi it is stored as Unicode (docs/zawgyi.md). */
export const name = z
  .string({ error: 'Name is required.' })
  .trim()
  .min(1, 'Name is required.')
  .max(120, 'Name is too long.')
  .transform(unicodeName);

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

// Dates the database can store and compare after a day is added or a time zone applied: years
// 1900-9999. ("0000-01-01" parses in JavaScript and is refused by PostgreSQL.)
const EARLIEST = Date.UTC(1900, 0, 1);
const LATEST = Date.UTC(9999, 11, 30, 23, 59, 59, 999);
const DATE_RANGE = 'Dates run from 1900-01-01 to 9999-12-30.';
/** True when the text is a date or instant JavaScript reads and PostgreSQL can store. */
export const storableDate = (v: string): boolean => {
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v);
  return Number.isFinite(ms) && ms >= EARLIEST && ms <= LATEST;
};

/** An ISO 8601 instant with an offset (`…Z` or `…+06:30`), within the storable years. */
export const isoInstant = (error?: string) => z.iso.datetime({ offset: true, error }).refine(storableDate, DATE_RANGE);

/** An instant or a bare date (a whole day in the platform time zone), within the storable years. */
export const isoDate = z.iso.datetime({ offset: true }).or(z.iso.date()).refine(storableDate, DATE_RANGE);

export const credentials = z.object({
  email: z.string({ error: 'Email is required.' }).trim().toLowerCase().min(1, 'Email is required.').max(254),
  password: z.string({ error: 'Password is required.' }).min(1, 'Password is required.').max(200),
});
export type Credentials = z.infer<typeof credentials>;

export const auditQuery = pagination.extend({
  action: z.string().trim().max(80).optional(),
  target_type: z.string().trim().max(40).optional(),
  target_id: z.string().trim().max(40).optional(),
  actor_id: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  /** Part of the actor's name or email. */
  actor: z.string().trim().max(120).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type AuditQuery = z.infer<typeof auditQuery>;
