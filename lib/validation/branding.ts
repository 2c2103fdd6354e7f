import { z } from 'zod';
import { telegramUsername } from '@/lib/support-links';
import { money, optionalText, phone } from './common';
import { LOGO_TYPES, MAX_LOGO_BYTES } from './logo';
import { subdomain } from './resellers';

/** A logo as a data URL (what an upload form or an API client sends); null removes it. */
export const logoDataUrl = z
  .string()
  .max(Math.ceil(MAX_LOGO_BYTES * 1.4) + 100, `The logo must be at most ${MAX_LOGO_BYTES / 1000} kB.`)
  .regex(/^data:(image\/(png|jpeg|svg\+xml|webp|gif));base64,[A-Za-z0-9+/=]+$/, 'Upload a PNG, JPEG, SVG, WebP or GIF image.')
  .refine((v) => LOGO_TYPES.includes(v.slice(5, v.indexOf(';'))), 'Upload a PNG, JPEG, SVG, WebP or GIF image.')
  // The length cap above is only a cheap guard (base64 is 4/3 of the bytes, plus slack): check the decoded size.
  .refine((v) => base64Bytes(v.slice(v.indexOf(',') + 1)) <= MAX_LOGO_BYTES, `The logo must be at most ${MAX_LOGO_BYTES / 1000} kB.`);

function base64Bytes(b64: string): number {
  return Math.floor((b64.length * 3) / 4) - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0);
}

export const updateBrandingInput = z
  .object({
    subdomain,
    brand_name: z.union([z.string().trim().max(80, 'At most 80 characters.'), z.null()]),
    color: z.union([
      z
        .string()
        .trim()
        .regex(/^#[0-9a-fA-F]{6}$/, 'A colour like #1d4ed8.'),
      z.null(),
    ]),
    logo_url: z.union([logoDataUrl, z.null()]),
    support_email: z.union([z.literal(''), z.email('Enter a valid email address.'), z.null()]),
    support_phone: z.union([z.literal(''), phone, z.null()]),
    /** The Viber number clients chat with (any phone format; stored in E.164). */
    support_viber: z.union([z.literal(''), phone, z.null()]),
    /** The Telegram username: `name`, `@name` or `https://t.me/name`; stored as the bare name. */
    support_telegram: z.union([
      z.literal(''),
      z
        .string()
        .trim()
        .max(64, 'At most 64 characters.')
        .refine((v) => telegramUsername(v) !== null, 'A Telegram username (5-32 letters, digits, _) or a t.me link.')
        .transform((v) => telegramUsername(v) as string),
      z.null(),
    ]),
  })
  .partial()
  .strict();
export type UpdateBrandingInput = z.infer<typeof updateBrandingInput>;

export const retailPriceInput = z.object({
  package_type: z.string().trim().min(1).max(64),
  retail_price: money.min(0, 'The price cannot be negative.').max(1_000_000_000, 'The price is too large.'),
  display_name: optionalText(80),
  /** A price below the platform's cost saves only with this (else 409 below_cost on retail_price). */
  allow_below_cost: z.boolean().optional(),
});
export type RetailPriceInput = z.infer<typeof retailPriceInput>;

export const transferInput = z.object({
  amount: money.refine((v) => v !== 0, 'Amount cannot be zero.').refine((v) => Math.abs(v) <= 1_000_000_000_000, 'Amount is too large.'),
  note: optionalText(500),
});
export type TransferInput = z.infer<typeof transferInput>;

export const apiKeyInput = z.object({
  name: z.string({ error: 'Name is required.' }).trim().min(1, 'Name is required.').max(80, 'At most 80 characters.'),
});

export const profitQuery = z.object({
  month: z
    .string()
    .regex(/^(19|[2-9]\d)\d{2}-(0[1-9]|1[0-2])$/, 'Month as YYYY-MM, from 1900-01.')
    .optional(),
});
