// The payment methods a top-up records, without zod, for client components (the request form's choices).
export const PAYMENT_METHODS = ['bank_transfer', 'kbzpay', 'wavepay', 'ayapay', 'cbpay', 'cash', 'other'] as const;
