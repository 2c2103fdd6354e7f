// What the money endpoints answer: packages, prices, the ledger, top-ups, transfers, activations.
import { z } from 'zod';
import { PAYMENT_ACCOUNT_METHODS } from '@/db/schema/payments';
import { TOPUP_STATUSES } from '../credit';
import { clientView } from './accounts';
import { instant, nullableInstant, obj } from './common';

const int = z.number().int();

export const packageView = obj({
  id: int,
  package_type: z.string(),
  name: z.string(),
  price: int,
  daily_limit: int,
  period_limit: int,
  device_limit: int,
  period_days: int,
  smpp_throughput: int,
  smpp_max_binds: int,
  active: z.boolean(),
  sort_order: int,
});

export const resellerPackageView = packageView.extend({
  cost: int,
  retail_price: int,
  display_name: z.string(),
  profit: int,
  margin_pct: z.number(),
  commission: int,
});

export const ledgerRow = obj({
  id: int,
  kind: z.string(),
  amount: int,
  balance_after: int,
  method: z.string().nullable(),
  reference: z.string().nullable(),
  note: z.string().nullable(),
  client_id: int.nullable(),
  /** The client the entry is about, by name. */
  client_name: z.string().nullable(),
  subscription_id: int.nullable(),
  created_at: instant,
});

export const creditResult = obj({ ledger_entry: ledgerRow, credit_balance: int });

export const commissionSettlement = obj({
  mode: z.enum(['payout', 'convert']),
  amount: int,
  commission_balance: int,
  credit_balance: int,
});

export const topupView = obj({
  id: int,
  reseller_id: int,
  reseller_name: z.string(),
  amount: int,
  method: z.string(),
  reference: z.string().nullable(),
  note: z.string().nullable(),
  payment_account: obj({ id: int, method: z.string(), account_name: z.string(), account_number: z.string() }).nullable(),
  slip_image_id: int.nullable(),
  status: z.enum(TOPUP_STATUSES),
  decision_note: z.string().nullable(),
  decided_by: int.nullable(),
  decided_by_name: z.string().nullable(),
  decided_at: nullableInstant,
  ledger_entry_id: int.nullable(),
  created_at: instant,
});
export const topupDecision = topupView.extend({ credit_balance: int.optional() });

export const transferResult = obj({ client_id: int, amount: int, credit_balance: int, client_credit_balance: int });

export const subscriptionView = obj({
  id: int,
  package_type: z.string(),
  name: z.string(),
  price: int,
  kind: z.enum(['new', 'renewal', 'switch']),
  daily_limit: int,
  period_limit: int,
  device_limit: int,
  starts_at: instant,
  ends_at: instant,
  canceled_at: nullableInstant,
  refund_amount: int,
});

export const activationResult = obj({
  subscription: subscriptionView,
  kind: z.enum(['new', 'renewal', 'switch']),
  refund: int,
  credit_balance: int,
  client: clientView,
});

// refunds: the platform's switch refunds to the reseller; client_refunds: the same days at the retail price.
const profitTotals = { activations: int, cost: int, revenue: int, refunds: int, client_refunds: int, profit: int };
export const profitReportView = obj({
  month: z.string(),
  rows: z.array(obj({ package_type: z.string(), name: z.string(), ...profitTotals })),
  totals: obj(profitTotals),
});

export const resellerArchived = obj({ id: int, status: z.literal('archived') });

export const paymentAccountView = obj({
  id: int,
  method: z.enum(PAYMENT_ACCOUNT_METHODS),
  account_name: z.string(),
  account_number: z.string(),
  qr_image_id: int.nullable(),
  instructions: z.string().nullable(),
  enabled: z.boolean(),
  created_at: instant,
  updated_at: instant,
});
