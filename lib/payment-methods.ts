// Display names for the payment methods a top-up or top-up request records (portals, messages, CSV).
import type { PAYMENT_METHODS } from '@/lib/validation/credit';

export const PAYMENT_METHOD_LABEL: Record<(typeof PAYMENT_METHODS)[number], string> = {
  bank_transfer: 'Bank transfer',
  kbzpay: 'KBZPay',
  wavepay: 'WavePay',
  ayapay: 'AYA Pay',
  cbpay: 'CB Pay',
  cash: 'Cash',
  other: 'Other',
};

export function paymentMethodLabel(method: string | null | undefined): string {
  if (!method) return '—';
  return (PAYMENT_METHOD_LABEL as Record<string, string>)[method] ?? method;
}
