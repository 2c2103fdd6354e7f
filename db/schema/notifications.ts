// Notifications (issue 16, docs/notifications.md): events raised once, what each user sees in the portal,
// the e-mail outbox, each user's channel choices, and self-service password resets.
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { clients, resellers, users } from './accounts';

/**
 * One row per event occurrence, keyed by its de-duplication key (`event:subject:period`, e.g.
 * `trial_ending:client:42:2026-12-03T00:00:00Z`). Raising inserts here first, `on conflict do nothing`: only
 * the instance whose insert wins fans the event out, so each event reaches its people once, on any instance.
 */
export const notificationEvents = pgTable(
  'notification_events',
  {
    key: text('key').primaryKey(),
    event: text('event').notNull(),
    params: jsonb('params').notNull().default(sql`'{}'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notification_events_created_idx').on(t.createdAt)],
);

/** The in-app notice: one per user and event occurrence, shown under the bell until read. */
export const notifications = pgTable(
  'notifications',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    event: text('event').notNull(),
    eventKey: text('event_key')
      .notNull()
      .references(() => notificationEvents.key),
    // The figures the text is made from (amounts, names, dates), rendered in the reader's language.
    params: jsonb('params').notNull().default(sql`'{}'::jsonb`),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('notifications_user_event_idx').on(t.userId, t.eventKey),
    index('notifications_user_created_idx').on(t.userId, t.createdAt),
    index('notifications_unread_idx').on(t.userId).where(sql`read_at is null`),
  ],
);

/** A user's choice for one event and channel; no row means the event's default (lib/notifications/events.ts). */
export const notificationPrefs = pgTable(
  'notification_prefs',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    event: text('event').notNull(),
    channel: text('channel', { enum: ['in_app', 'email', 'sms'] }).notNull(),
    enabled: boolean('enabled').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.event, t.channel] })],
);

/**
 * E-mail waiting for, or done with, the SMTP server. Workers claim due rows with FOR UPDATE SKIP LOCKED;
 * a failure is retried with backoff (`next_attempt_at`) until the attempts run out, then `failed` with the
 * reason. A password-reset mail's body is erased once sent (the link must not outlive its delivery here).
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id').references(() => users.id),
    // What it is for: an event key, or `password_reset`.
    kind: text('kind').notNull(),
    toAddress: text('to_address').notNull(),
    fromName: text('from_name').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    // Set on a mail that must go out once only (an event's key + user): a second enqueue is a no-op.
    dedupKey: text('dedup_key'),
    eraseBody: boolean('erase_body').notNull().default(false),
    state: text('state', { enum: ['queued', 'sent', 'failed'] })
      .notNull()
      .default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('email_outbox_dedup_idx').on(t.dedupKey),
    index('email_outbox_due_idx').on(t.nextAttemptAt).where(sql`state = 'queued'`),
    index('email_outbox_created_idx').on(t.createdAt),
  ],
);

/**
 * A self-service password reset: a link token (e-mail) or a 6-digit code (SMS), stored as a SHA-256 hash,
 * valid 30 minutes, used once; a new request retires the account's earlier ones.
 */
export const passwordResets = pgTable(
  'password_resets',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    channel: text('channel', { enum: ['email', 'sms'] }).notNull(),
    secretHash: text('secret_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('password_resets_secret_idx').on(t.secretHash), index('password_resets_user_idx').on(t.userId, t.createdAt)],
);

/**
 * A reseller's notice settings: its low-credit threshold (MMK), the from-name of its clients' mails, and the
 * client account whose paired phones send SMS notices and reset codes to its clients (docs/notifications.md#sms).
 */
export const resellerNoticeSettings = pgTable('reseller_notice_settings', {
  resellerId: integer('reseller_id')
    .primaryKey()
    .references(() => resellers.id),
  lowCreditThreshold: bigint('low_credit_threshold', { mode: 'number' }).notNull().default(100_000),
  mailFromName: text('mail_from_name'),
  smsSenderClientId: integer('sms_sender_client_id').references(() => clients.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
