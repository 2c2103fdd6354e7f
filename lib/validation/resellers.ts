import { z } from 'zod';
import { email, name, optionalText, PHONE_HINT, pagination, password, phone } from './common';

export const RESERVED_SUBDOMAINS = new Set([
  'admin',
  'www',
  'api',
  'app',
  'apps',
  'mail',
  'smtp',
  'ftp',
  'static',
  'assets',
  'cdn',
  'docs',
  'help',
  'support',
  'status',
  'login',
  'auth',
  'dashboard',
  'reseller',
  'resellers',
  'client',
  'clients',
  'billing',
  'blog',
  'dev',
  'test',
  'staging',
  'root',
  'system',
  'mobile',
  'gateway',
  'v1',
  'v3',
]);

export const subdomain = z
  .string({ error: 'Subdomain is required.' })
  .trim()
  .toLowerCase()
  .min(2, 'Subdomain needs at least 2 characters.')
  .max(40, 'Subdomain is at most 40 characters.')
  .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/, 'Use lowercase letters and digits; hyphens only inside.')
  .refine((v) => !RESERVED_SUBDOMAINS.has(v), 'This subdomain is reserved.');

/** Percent with up to two decimals, stored as basis points. */
export const commissionRate = z
  .number({ error: 'Commission rate must be a number.' })
  .min(0, 'Commission rate cannot be negative.')
  .max(100, 'Commission rate is at most 100 %.')
  .refine((v) => Number.isInteger(Math.round(v * 100)) && Math.abs(v * 100 - Math.round(v * 100)) < 1e-9, 'At most two decimals.');

export const partnerType = z.enum(['own_plans', 'commission'], { error: 'Choose own_plans or commission.' });

const resellerFields = {
  partner_type: partnerType,
  name,
  email,
  phone,
  password,
  subdomain,
  website: optionalText(200, z.url(), 'Enter a full URL, e.g. https://example.com'),
  contact_name: optionalText(120),
  contact_email: optionalText(254, z.email(), 'Enter a valid email address.'),
  contact_phone: optionalText(32, phone, PHONE_HINT),
  commission_rate: commissionRate.optional(),
};

export const createResellerInput = z.object({ ...resellerFields, password_confirmation: z.string().optional() }).superRefine((v, ctx) => {
  if (v.password_confirmation !== undefined && v.password_confirmation !== v.password) {
    ctx.addIssue({ code: 'custom', path: ['password_confirmation'], message: 'Passwords do not match.' });
  }
  if (v.partner_type === 'commission' && v.commission_rate === undefined) {
    ctx.addIssue({ code: 'custom', path: ['commission_rate'], message: 'Commission partners need a commission rate.' });
  }
});
export type CreateResellerInput = z.infer<typeof createResellerInput>;

export const updateResellerInput = z
  .object({
    partner_type: partnerType,
    name,
    email,
    phone,
    password,
    subdomain,
    website: resellerFields.website,
    contact_name: resellerFields.contact_name,
    contact_email: resellerFields.contact_email,
    contact_phone: resellerFields.contact_phone,
    commission_rate: commissionRate,
    status: z.enum(['active', 'suspended'], { error: 'Status is active or suspended.' }),
  })
  .partial()
  .strict();
export type UpdateResellerInput = z.infer<typeof updateResellerInput>;

export const listResellersQuery = pagination.extend({
  search: z.string().trim().max(100).optional(),
  status: z.enum(['active', 'suspended']).optional(),
  sort: z
    .enum(['created_at', 'name', 'email', 'credit_balance', 'clients_count'], {
      error: 'Sort by created_at, name, email, credit_balance or clients_count.',
    })
    .default('created_at'),
  dir: z.enum(['asc', 'desc']).default('desc'),
});
export type ListResellersQuery = z.infer<typeof listResellersQuery>;

export const subdomainCheckQuery = z.object({
  subdomain: z.string().max(100),
  except: z.coerce.number().int().positive().max(2_147_483_647).optional(),
});

export const deleteResellerInput = z.object({ confirm: z.string().max(200).optional() });
