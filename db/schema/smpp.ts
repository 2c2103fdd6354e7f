// SMPP: per-client credentials, live binds (one row per bound session, on whichever instance holds it),
// submitted parts (the ids answered in submit_sm_resp, mapped to the queued message), and the outbox of
// deliver_sm (receipts and inbound SMS) that any instance with a receiver bound claims and sends.
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { clients } from './accounts';

export const smppAccounts = pgTable(
  'smpp_accounts',
  {
    clientId: integer('client_id')
      .primaryKey()
      .references(() => clients.id),
    // At most 15 characters and the password at most 8: the SMPP 3.4 field sizes.
    systemId: text('system_id').notNull(),
    passwordHash: text('password_hash').notNull(),
    // CIDR ranges a bind may come from; empty: any address.
    allowedIps: text('allowed_ips').array().notNull().default(sql`'{}'::text[]`),
    // Binds made before the last password change are closed by the instance holding them.
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('smpp_accounts_system_id_idx').on(t.systemId)],
);

export const SMPP_BIND_MODES = ['transmitter', 'receiver', 'transceiver'] as const;
export type SmppBindMode = (typeof SMPP_BIND_MODES)[number];

/** A bound session. The holding instance refreshes last_seen_at; a row not refreshed for a minute is gone. */
export const smppBinds = pgTable(
  'smpp_binds',
  {
    id: text('id').primaryKey(),
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id),
    instanceId: text('instance_id').notNull(),
    mode: text('mode', { enum: SMPP_BIND_MODES }).notNull(),
    remoteIp: text('remote_ip').notNull(),
    systemType: text('system_type').notNull().default(''),
    tls: boolean('tls').notNull().default(false),
    submitted: integer('submitted').notNull().default(0),
    delivered: integer('delivered').notNull().default(0),
    boundAt: timestamp('bound_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('smpp_binds_client_idx').on(t.clientId, t.lastSeenAt), index('smpp_binds_seen_idx').on(t.lastSeenAt)],
);

/**
 * One row per accepted submit_sm: its id (answered in submit_sm_resp), the message it became part of (null
 * while a long message waits for its other parts), what a receipt needs, and a hash of the PDU so a
 * re-sent sequence after a reconnect gets the same answer instead of a second message.
 */
export const smppParts = pgTable(
  'smpp_parts',
  {
    id: text('id').primaryKey(),
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id),
    messageId: text('message_id'),
    dedupeKey: text('dedupe_key').notNull(),
    // source|destination|reference|total of a long message; null for a single-part one.
    concatKey: text('concat_key'),
    partNo: smallint('part_no').notNull().default(1),
    partTotal: smallint('part_total').notNull().default(1),
    // The part's user data without its header, base64, decoded with the other parts once all are in
    // (a UCS-2 surrogate pair or a GSM escape may be split between parts).
    content: text('content').notNull(),
    dataCoding: smallint('data_coding').notNull().default(0),
    shiftTable: smallint('shift_table').notNull().default(0),
    registeredDelivery: smallint('registered_delivery').notNull().default(0),
    sourceAddr: text('source_addr').notNull().default(''),
    sourceTon: smallint('source_ton').notNull().default(0),
    sourceNpi: smallint('source_npi').notNull().default(0),
    destAddr: text('dest_addr').notNull(),
    destTon: smallint('dest_ton').notNull().default(0),
    destNpi: smallint('dest_npi').notNull().default(0),
    validUntil: timestamp('valid_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('smpp_parts_dedupe_idx').on(t.clientId, t.dedupeKey),
    index('smpp_parts_message_idx').on(t.messageId),
    index('smpp_parts_waiting_idx').on(t.clientId, t.concatKey).where(sql`message_id is null`),
    index('smpp_parts_created_idx').on(t.createdAt),
  ],
);

export const smppOutbox = pgTable(
  'smpp_outbox',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id),
    kind: text('kind', { enum: ['receipt', 'mo'] }).notNull(),
    // The deliver_sm to send (see lib/smpp/deliver.ts).
    payload: jsonb('payload').notNull(),
    attempts: integer('attempts').notNull().default(0),
    availableAt: timestamp('available_at', { withTimezone: true }).notNull().defaultNow(),
    lockedBy: text('locked_by'),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('smpp_outbox_client_idx').on(t.clientId, t.availableAt, t.id), index('smpp_outbox_created_idx').on(t.createdAt)],
);
