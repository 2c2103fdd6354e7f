import { z } from 'zod';
import { isoDate, money, optionalText, pagination } from './common';

export const PAYMENT_METHODS = ['bank_transfer', 'kbzpay', 'wavepay', 'cash', 'other'] as const;
export const paymentMethod = z.enum(PAYMENT_METHODS, {
  error: 'Method is one of bank_transfer, kbzpay, wavepay, cash, other.',
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

export const topupRequestInput = z.object({
  amount: money.min(1, 'Amount must be positive.').max(1_000_000_000_000, 'Amount is too large.'),
  method: paymentMethod,
  reference: optionalText(120),
  note: optionalText(500),
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
