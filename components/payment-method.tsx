// Payment method choices for the top-up forms; the labels live in lib/payment-methods.ts.
import { PAYMENT_METHOD_LABEL } from '@/lib/payment-methods';
import { PAYMENT_METHODS } from '@/lib/validation/credit';

export { PAYMENT_METHOD_LABEL, paymentMethodLabel } from '@/lib/payment-methods';

export const paymentMethodOptions = PAYMENT_METHODS.map((m) => ({ value: m, label: PAYMENT_METHOD_LABEL[m] }));
