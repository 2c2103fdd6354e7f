import { z } from 'zod';
import { idParam, isoDate, money, optionalText, pagination } from './common';
import { PAYMENT_METHODS } from './credit-methods';
import { imageUpload } from './payments';

export { PAYMENT_METHODS };
export const paymentMethod = z.enum(PAYMENT_METHODS, {
  error: 'Method is one of bank_transfer, kbzpay, wavepay, ayapay, cbpay, cash, other.',
});

/** A positive amount is a top-up; a negative one is an adjustment and needs a note (the reason). */
export const creditInput = z
  .object({
    amount: money.refine((v) => v !== 0, 'Amount cannot be zero.').refine((v) => Math.abs(v) <= 1_000_000_000_000, 'Amount is too large.'),
    method: paymentMethod.optional(),
    reference: optionalText(120),
    note: optionalText(500),
    /** Credit a payment whose method and reference were credited before, on purpose (else 409 duplicate_reference). */
    allow_duplicate_reference: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.amount < 0 && !v.note) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'An adjustment needs a reason.' });
    }
  });
export type CreditInput = z.infer<typeof creditInput>;

export const ledgerQuery = pagination.extend({
  kind: z.string().trim().max(40).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type LedgerQuery = z.infer<typeof ledgerQuery>;

/**
 * A reseller's request for credit (docs/payments.md): the platform account it paid into (its method is the
 * request's) and the transaction id as `reference`, or a `method` alone; optionally the payment slip.
 */
export const topupRequestInput = z
  .object({
    amount: money.min(1, 'Amount must be positive.').max(1_000_000_000_000, 'Amount is too large.'),
    payment_account_id: idParam.optional(),
    method: paymentMethod.optional(),
    reference: optionalText(120),
    note: optionalText(500),
    /** The payment slip (screenshot or photo): PNG or JPEG, base64 or a data URL, at most 2 MB. */
    slip_image: imageUpload.optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.method && !v.payment_account_id)
      ctx.addIssue({ code: 'custom', path: ['method'], message: 'Say which account you paid into (payment_account_id), or the method.' });
    if (v.payment_account_id && !v.reference)
      ctx.addIssue({ code: 'custom', path: ['reference'], message: 'Give the transaction id of the payment.' });
  });
export type TopupRequestInput = z.infer<typeof topupRequestInput>;

export const TOPUP_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const listTopupsQuery = pagination.extend({
  status: z.enum(TOPUP_STATUSES).optional(),
  reseller_id: z.coerce.number().int().positive().max(2_147_483_647).optional(),
});
export type ListTopupsQuery = z.infer<typeof listTopupsQuery>;

export const rejectTopupInput = z.object({
  reason: z.string({ error: 'A reason is required.' }).trim().min(1, 'A reason is required.').max(500),
});
export const approveTopupInput = z.object({
  note: optionalText(500),
  /** Approve although the request's method and reference were already credited (else 409 duplicate_reference). */
  allow_duplicate_reference: z.boolean().optional(),
});

export const commissionSettleInput = z.object({
  mode: z.enum(['payout', 'convert'], { error: 'Mode is payout (paid out of the platform) or convert (to credit).' }),
  amount: money.min(1, 'Amount must be positive.').optional(),
  reference: optionalText(120),
  note: optionalText(500),
});
export type CommissionSettleInput = z.infer<typeof commissionSettleInput>;
