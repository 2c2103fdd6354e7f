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
