// Schemas for the admin portal's reseller forms: the edit form (password optional), the status switch,
// delete confirmation, credit adjustment and the ledger filter/export query. The field rules themselves
// come from ./resellers and ./common, so the forms and the API agree.
import { z } from 'zod';
import { idParam, money, password } from './common';
import { ledgerQuery } from './credit';
import { createResellerInput } from './resellers';

const f = createResellerInput.shape;

/** Edit: every profile field as on create; a blank password keeps the current one. */
export const editResellerForm = z
  .object({
    reseller_id: idParam,
    partner_type: f.partner_type,
    name: f.name,
    email: f.email,
    phone: f.phone,
    subdomain: f.subdomain,
    website: f.website,
    contact_name: f.contact_name,
    contact_email: f.contact_email,
    contact_phone: f.contact_phone,
    commission_rate: f.commission_rate,
    password: password.optional(),
    password_confirmation: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.password !== undefined && v.password_confirmation !== v.password) {
      ctx.addIssue({ code: 'custom', path: ['password_confirmation'], message: 'Passwords do not match.' });
    }
    if (v.partner_type === 'commission' && v.commission_rate === undefined) {
      ctx.addIssue({ code: 'custom', path: ['commission_rate'], message: 'Commission partners need a commission rate.' });
    }
  });
export type EditResellerForm = z.infer<typeof editResellerForm>;

export const resellerStatusForm = z.object({
  reseller_id: idParam,
  status: z.enum(['active', 'suspended'], { error: 'Status is active or suspended.' }),
});

export const deleteResellerForm = z.object({
  reseller_id: idParam,
  confirm: z.string({ error: 'Type the reseller name to confirm.' }).trim().min(1, 'Type the reseller name to confirm.').max(200),
});

/** A deduction typed as a positive amount; the reason is mandatory (it becomes the ledger note). */
export const adjustCreditForm = z.object({
  reseller_id: idParam,
  amount: money.min(1, 'Enter the amount to deduct, e.g. 5000.').max(1_000_000_000_000, 'Amount is too large.'),
  reason: z
    .string({ error: 'An adjustment needs a reason.' })
    .trim()
    .min(1, 'An adjustment needs a reason.')
    .max(500, 'At most 500 characters.'),
  reference: z
    .string()
    .trim()
    .max(120, 'At most 120 characters.')
    .optional()
    .transform((v) => v || undefined),
});

/** The ledger's filters without paging (the CSV export): kind and calendar days in the platform time zone. */
export const ledgerFilterQuery = ledgerQuery.omit({ page: true, limit: true });
export type LedgerFilterQuery = z.infer<typeof ledgerFilterQuery>;
