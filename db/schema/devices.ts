// Gateway devices (Android phones) and how they sign in: the app's credentials, pairing codes, JWT access
// tokens of the 3rd-party API, and the app's own webhooks that each phone reads (docs/device-protocol.md).
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { clients } from './accounts';

/** Per-client gateway credentials (the app's login/password in private-server mode). */
export const gatewayCredentials = pgTable(
  'gateway_credentials',
  {
    clientId: integer('client_id')
      .primaryKey()
      .references(() => clients.id),
    login: text('login').notNull(),
    passwordHash: text('password_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('gateway_credentials_login_idx').on(t.login)],
);

/**
 * JWT access tokens of the 3rd-party API (POST /api/3rdparty/v1/auth/token): the signed token carries its
 * id (jti), client and scopes; this row lets it be revoked before it expires.
 */
export const gatewayTokens = pgTable(
  'gateway_tokens',
  {
    id: text('id').primaryKey(),
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id),
    scopes: text('scopes').array().notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('gateway_tokens_client_idx').on(t.clientId, t.expiresAt)],
);

/** One-time pairing codes (`Authorization: Code <code>`), stored hashed. */
export const pairingCodes = pgTable(
  'pairing_codes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id),
    codeHash: text('code_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('pairing_codes_hash_idx').on(t.codeHash)],
);

export const devices = pgTable(
  'devices',
  {
    // 21-character id, as the app's own server issues.
    id: text('id').primaryKey(),
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    pushToken: text('push_token'),
    simCards: jsonb('sim_cards'),
    enabled: boolean('enabled').notNull().default(true),
    battery: integer('battery'),
    charging: boolean('charging'),
    appVersion: text('app_version'),
    // The app's notification channel, handed to the phone by GET /settings (docs/device-protocol.md §5):
    // SSE_ONLY keeps the event stream open; AUTO uses Firebase pushes (relayed only with PUSH_UPSTREAM_URL).
    notificationChannel: text('notification_channel', { enum: ['AUTO', 'SSE_ONLY'] })
      .notNull()
      .default('SSE_ONLY'),
    // Online as last announced by the device.online / device.offline webhooks (seen within 5 minutes).
    online: boolean('online').notNull().default(false),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('devices_token_idx').on(t.tokenHash),
    index('devices_client_idx').on(t.clientId, t.createdAt),
    index('devices_last_seen_idx').on(t.lastSeenAt),
    // The offline sweep looks only at devices announced online.
    index('devices_online_idx').on(t.lastSeenAt).where(sql`online`),
  ],
);

/**
 * Webhooks of the app itself (3rd-party API /webhooks, the app server's Webhook): each phone reads them
 * from GET /mobile/v1/webhooks and posts that event's payload to the URL (docs/device-protocol.md §4).
 */
export const appWebhooks = pgTable(
  'app_webhooks',
  {
    id: text('id').primaryKey(),
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id),
    // Null: every phone of the client.
    deviceId: text('device_id'),
    url: text('url').notNull(),
    event: text('event').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [index('app_webhooks_client_idx').on(t.clientId, t.createdAt)],
);
