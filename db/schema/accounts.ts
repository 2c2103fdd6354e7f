// Accounts: one users row per person who can sign in; resellers and clients share its id.
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    role: text('role', { enum: ['admin', 'reseller', 'client'] }).notNull(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    // active | suspended | archived (a deleted reseller is archived, never erased)
    status: text('status', { enum: ['active', 'suspended', 'archived'] })
      .notNull()
      .default('active'),
    // Bumped on password change or suspension: browser sessions carrying an older value are refused.
    sessionVersion: integer('session_version').notNull().default(1),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    // The interface language this person chose (null: not chosen yet, so cookie, browser, then default).
    language: text('language', { enum: ['en', 'my'] }),
    // Numbers and dates in Burmese digits (၁၂၃) rather than 0-9 when the language is Burmese.
    burmeseDigits: boolean('burmese_digits').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_lower_idx').on(sql`lower(${t.email})`),
    index('users_role_created_idx').on(t.role, t.createdAt),
    index('users_role_status_idx').on(t.role, t.status),
  ],
);

export const resellers = pgTable(
  'resellers',
  {
    id: integer('id')
      .primaryKey()
      .references(() => users.id),
    partnerType: text('partner_type', { enum: ['own_plans', 'commission'] }).notNull(),
    phone: text('phone').notNull(),
    website: text('website'),
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    subdomain: text('subdomain').notNull(),
    // Commission in basis points (1050 = 10.5 %), so no float ever touches money.
    commissionRateBp: integer('commission_rate_bp').notNull().default(0),
    // API requests per minute for this reseller's keys (null: the platform default, 100).
    apiRateLimit: integer('api_rate_limit'),
    creditBalance: bigint('credit_balance', { mode: 'number' }).notNull().default(0),
    commissionBalance: bigint('commission_balance', { mode: 'number' }).notNull().default(0),
    // White-label brand shown at <subdomain>.<BASE_DOMAIN> and in its clients' portal.
    brandName: text('brand_name'),
    brandColor: text('brand_color'),
    // The uploaded logo as base64 with its MIME type (small images only), served by /brand/<subdomain>/logo.
    logoData: text('logo_data'),
    logoType: text('logo_type'),
    logoUpdatedAt: timestamp('logo_updated_at', { withTimezone: true }),
    supportEmail: text('support_email'),
    supportPhone: text('support_phone'),
    // The language its clients' portal opens in for a client who chose none (null: the platform default).
    clientLanguage: text('client_language', { enum: ['en', 'my'] }),
    // Shown to clients as viber:// and https://t.me/ links (docs/payments.md#support-contacts).
    supportViber: text('support_viber'),
    supportTelegram: text('support_telegram'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('resellers_subdomain_idx').on(t.subdomain), index('resellers_created_idx').on(t.createdAt)],
);

export const clients = pgTable(
  'clients',
  {
    id: integer('id')
      .primaryKey()
      .references(() => users.id),
    resellerId: integer('reseller_id')
      .notNull()
      .references(() => resellers.id),
    phone: text('phone'),
    accountName: text('account_name'),
    // Set by the ClickSend-compatible API (its accounts have a username); sign-in is by email.
    username: text('username'),
    country: text('country'),
    timeZone: text('time_zone'),
    trialEndsAt: timestamp('trial_ends_at', { withTimezone: true }).notNull(),
    creditBalance: bigint('credit_balance', { mode: 'number' }).notNull().default(0),
    autoRenew: boolean('auto_renew').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('clients_reseller_created_idx').on(t.resellerId, t.createdAt),
    index('clients_reseller_trial_idx').on(t.resellerId, t.trialEndsAt),
  ],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    // session: issued by a login endpoint, expires; api_key: made in a portal, lives until revoked;
    // pairing: a client's token for registering phones (Bearer on POST /api/mobile/v1/device) only.
    kind: text('kind', { enum: ['session', 'api_key', 'pairing'] }).notNull(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    prefix: text('prefix').notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('api_tokens_hash_idx').on(t.tokenHash), index('api_tokens_user_idx').on(t.userId, t.kind, t.createdAt)],
);

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Browser sessions ended on the server (sign-out): a copy of the cookie taken before sign-out opens
 * nothing afterwards. Kept until the session could no longer be valid anyway (its sign-in + max age).
 */
export const revokedSessions = pgTable(
  'revoked_sessions',
  {
    sid: text('sid').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    revokedAt: timestamp('revoked_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('revoked_sessions_expires_idx').on(t.expiresAt)],
);
