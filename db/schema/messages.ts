// Messages with per-recipient states, usage counters, inbound SMS and OTP codes.
//
// `messages` and `message_recipients` are partitioned by month of `created_at` (docs/scaling.md#partitions,
// migration 0024): drizzle does not declare partitioning, so these definitions describe the parent tables
// (columns, keys, indexes) and the migration keeps them in step. Every key includes `created_at`: the
// message's key is (id, created_at) and each recipient carries its message's created_at. A caller's id is
// unique per client through `message_refs` (./message-refs.ts), not an index here.
import { sql } from 'drizzle-orm';
import { bigint, boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { clients } from './accounts';

// `cancelling`: cancelled by the client while a phone holds it; it ends `cancelled` when the phone confirms.
export const MESSAGE_STATES = [
  'pending',
  'processing',
  'sent',
  'delivered',
  'failed',
  'expired',
  'unknown',
  'cancelling',
  'cancelled',
] as const;
export type MessageState = (typeof MESSAGE_STATES)[number];

export const messages = pgTable(
  'messages',
  {
    id: text('id').notNull(),
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id),
    // The id the caller gave (3rd-party API `id`): unique per client only, and shown instead of `id`.
    ref: text('ref'),
    resellerId: integer('reseller_id').notNull(),
    // The device asked for (null: any of the client's enabled devices may take it).
    deviceId: text('device_id'),
    // The device that claimed it; set once, atomically.
    claimedBy: text('claimed_by'),
    text: text('text').notNull(),
    recipientCount: integer('recipient_count').notNull(),
    segments: integer('segments').notNull(),
    encoding: text('encoding', { enum: ['gsm7', 'ucs2'] }).notNull(),
    state: text('state', { enum: MESSAGE_STATES }).notNull().default('pending'),
    source: text('source', { enum: ['api', 'portal', '3rdparty', 'otp', 'smpp', 'notice', 'keyword'] }).notNull(),
    withDeliveryReport: boolean('with_delivery_report').notNull().default(true),
    simNumber: integer('sim_number'),
    // The app's send options, handed to the phone as given (docs/device-protocol.md): priority ≥ 100 skips
    // the app's delays; an encrypted message's text and numbers are the caller's ciphertext.
    priority: integer('priority').notNull().default(0),
    isEncrypted: boolean('is_encrypted').notNull().default(false),
    validUntil: timestamp('valid_until', { withTimezone: true }).notNull(),
    // False once the quota was given back (expired without leaving the server).
    countsTowardQuota: boolean('counts_toward_quota').notNull().default(true),
    error: text('error'),
    states: jsonb('states').notNull().default(sql`'{}'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The partition key is part of the key (a partitioned table's unique keys must include it); a lookup by
    // our id alone uses the key's first column in each partition.
    primaryKey({ columns: [t.id, t.createdAt] }),
    index('messages_client_created_idx').on(t.clientId, t.createdAt),
    // A client's messages by the id it sees (its own `ref`, else ours). Not unique here (that would need
    // created_at in it): the send refuses a repeated id through message_refs.
    index('messages_client_public_id_idx').on(t.clientId, sql`coalesce(${t.ref}, ${t.id})`),
    index('messages_reseller_created_idx').on(t.resellerId, t.createdAt),
    index('messages_created_idx').on(t.createdAt),
    // The device pull and the sweeps look only at live messages.
    index('messages_pending_idx').on(t.clientId, t.createdAt).where(sql`state = 'pending'`),
    index('messages_processing_idx').on(t.claimedAt).where(sql`state = 'processing'`),
    // A phone's pull re-offers what it claimed but has not accepted yet: found by the claiming device.
    index('messages_claimed_by_idx').on(t.claimedBy, t.createdAt).where(sql`state = 'processing'`),
    // Cancellations a phone still has to confirm, re-offered on every pull.
    index('messages_cancelling_idx').on(t.claimedBy).where(sql`state = 'cancelling'`),
    index('messages_pending_valid_idx').on(t.validUntil).where(sql`state = 'pending'`),
  ],
);

/**
 * What each client has used, kept as counters so that no send, list or page sums its messages
 * (docs/scaling.md#usage-counters): one row per client and platform day (`day`, starting at the day's
 * first instant in the platform time zone) and per subscription period or trial (`period`, starting at
 * the period's start). The send raises both in the same statement that checks the limits; an expiry or
 * a cancel gives its SMS back in the transaction that changes the message's state.
 */
export const usageCounters = pgTable(
  'usage_counters',
  {
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id),
    kind: text('kind', { enum: ['day', 'period'] }).notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    used: integer('used').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.kind, t.startsAt] })],
);

export const messageRecipients = pgTable(
  'message_recipients',
  {
    messageId: text('message_id').notNull(),
    // The message's created_at: the partition key, and half of the key the foreign key names.
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    position: integer('position').notNull(),
    phone: text('phone').notNull(),
    state: text('state', { enum: MESSAGE_STATES }).notNull().default('pending'),
    error: text('error'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: 'message_recipients_message_fk',
      columns: [t.messageId, t.createdAt],
      foreignColumns: [messages.id, messages.createdAt],
    }),
    uniqueIndex('message_recipients_pk').on(t.messageId, t.createdAt, t.position),
    index('message_recipients_phone_idx').on(t.phone),
  ],
);

export const inboundMessages = pgTable(
  'inbound_messages',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id),
    deviceId: text('device_id').notNull(),
    phone: text('phone').notNull(),
    // A data SMS (the app's sms:data-received) keeps its base64 data as its text.
    kind: text('kind', { enum: ['sms', 'data'] })
      .notNull()
      .default('sms'),
    text: text('text').notNull(),
    // The app's webhook event id: a retried post of the same event is stored once.
    eventId: text('event_id'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('inbound_client_created_idx').on(t.clientId, t.createdAt),
    // The inbox: one conversation's messages, and each conversation's latest.
    index('inbound_client_phone_idx').on(t.clientId, t.phone, t.id),
    uniqueIndex('inbound_device_event_idx').on(t.deviceId, t.eventId),
  ],
);

export const otpCodes = pgTable(
  'otp_codes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id),
    phone: text('phone').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    messageId: text('message_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('otp_client_phone_idx').on(t.clientId, t.phone, t.createdAt)],
);
