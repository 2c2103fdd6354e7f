// Billing: the package catalog, subscriptions (snapshots of what was sold), the ledger, top-up requests.
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { clients, resellers, users } from './accounts';
import { paymentAccounts, storedImages } from './payments';

export const packages = pgTable(
  'packages',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    price: bigint('price', { mode: 'number' }).notNull(),
    dailyLimit: integer('daily_limit').notNull(),
    periodLimit: integer('period_limit').notNull(),
    deviceLimit: integer('device_limit').notNull(),
    periodDays: integer('period_days').notNull().default(30),
    // SMPP: submit_sm per second and simultaneous binds allowed to a client on this package.
    smppThroughput: integer('smpp_throughput').notNull().default(10),
    smppMaxBinds: integer('smpp_max_binds').notNull().default(2),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('packages_code_idx').on(t.code)],
);

export const subscriptions = pgTable(
  'subscriptions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id),
    resellerId: integer('reseller_id')
      .notNull()
      .references(() => resellers.id),
    packageId: integer('package_id')
      .notNull()
      .references(() => packages.id),
    // Snapshot of the catalog at the time of sale: later catalog edits never reach it.
    packageCode: text('package_code').notNull(),
    packageName: text('package_name').notNull(),
    price: bigint('price', { mode: 'number' }).notNull(),
    // What the reseller charges its client for it (own-plans retail price at the time; list price otherwise).
    retailPrice: bigint('retail_price', { mode: 'number' }),
    dailyLimit: integer('daily_limit').notNull(),
    periodLimit: integer('period_limit').notNull(),
    deviceLimit: integer('device_limit').notNull(),
    periodDays: integer('period_days').notNull(),
    smppThroughput: integer('smpp_throughput').notNull().default(10),
    smppMaxBinds: integer('smpp_max_binds').notNull().default(2),
    kind: text('kind', { enum: ['new', 'renewal', 'switch'] }).notNull(),
    paidBy: text('paid_by', { enum: ['reseller', 'client'] })
      .notNull()
      .default('reseller'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    // Set when a switch cuts this subscription short; its unused whole days were refunded.
    canceledAt: timestamp('canceled_at', { withTimezone: true }),
    refundAmount: bigint('refund_amount', { mode: 'number' }).notNull().default(0),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('subscriptions_client_ends_idx').on(t.clientId, t.endsAt),
    index('subscriptions_reseller_created_idx').on(t.resellerId, t.createdAt),
    index('subscriptions_reseller_ends_idx').on(t.resellerId, t.endsAt),
    index('subscriptions_created_idx').on(t.createdAt),
  ],
);

export const LEDGER_ACCOUNTS = ['reseller_credit', 'reseller_commission', 'client_credit'] as const;
export const LEDGER_KINDS = [
  'topup',
  'adjustment',
  'activation',
  'refund',
  'transfer_out',
  'transfer_in',
  'commission',
  'commission_reversal',
  'commission_payout',
  'commission_conversion',
] as const;

// Append-only: a trigger in the migrations refuses UPDATE and DELETE.
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    account: text('account', { enum: LEDGER_ACCOUNTS }).notNull(),
    // resellers.id for reseller_* accounts, clients.id for client_credit.
    accountId: integer('account_id').notNull(),
    // The reseller the row belongs to, for tenancy and reports (equal to account_id on reseller accounts).
    resellerId: integer('reseller_id')
      .notNull()
      .references(() => resellers.id),
    kind: text('kind', { enum: LEDGER_KINDS }).notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    balanceAfter: bigint('balance_after', { mode: 'number' }).notNull(),
    method: text('method'),
    reference: text('reference'),
    note: text('note'),
    actorId: integer('actor_id').references(() => users.id),
    clientId: integer('client_id').references(() => clients.id),
    subscriptionId: integer('subscription_id').references(() => subscriptions.id),
    topupRequestId: integer('topup_request_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ledger_account_created_idx').on(t.account, t.accountId, t.createdAt, t.id),
    index('ledger_reseller_created_idx').on(t.resellerId, t.createdAt),
    index('ledger_kind_created_idx').on(t.kind, t.createdAt),
    // A payment reference is credited once (lib/services/payment-reference.ts looks it up per top-up).
    index('ledger_topup_reference_idx').on(sql`lower(trim(${t.reference}))`).where(sql`${t.kind} = 'topup' and ${t.reference} is not null`),
  ],
);

export const topupRequests = pgTable(
  'topup_requests',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    resellerId: integer('reseller_id')
      .notNull()
      .references(() => resellers.id),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    method: text('method').notNull(),
    reference: text('reference'),
    note: text('note'),
    // The account the reseller says it paid into, and the payment slip it attached (docs/payments.md).
    paymentAccountId: integer('payment_account_id').references(() => paymentAccounts.id),
    slipImageId: integer('slip_image_id').references(() => storedImages.id),
    status: text('status', { enum: ['pending', 'approved', 'rejected'] })
      .notNull()
      .default('pending'),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    ledgerEntryId: bigint('ledger_entry_id', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('topup_requests_status_created_idx').on(t.status, t.createdAt),
    index('topup_requests_reseller_created_idx').on(t.resellerId, t.createdAt),
    index('topup_requests_slip_idx').on(t.slipImageId),
  ],
);

/** An own-plans reseller's retail price and display name per package (what its clients see). */
export const resellerPrices = pgTable(
  'reseller_prices',
  {
    resellerId: integer('reseller_id')
      .notNull()
      .references(() => resellers.id),
    packageId: integer('package_id')
      .notNull()
      .references(() => packages.id),
    retailPrice: bigint('retail_price', { mode: 'number' }).notNull(),
    displayName: text('display_name'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.resellerId, t.packageId] })],
);
