// The payment account methods without the database schema, for client components (the form's choices).
export const PAYMENT_ACCOUNT_METHODS = ['kbzpay', 'wavepay', 'ayapay', 'cbpay', 'bank_transfer', 'other'] as const;
