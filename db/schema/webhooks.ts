// The platform's own webhooks (signed, per client) and their delivery queue (lib/services/webhooks.ts).
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { clients } from './accounts';
import { appWebhooks } from './devices';

export const WEBHOOK_EVENTS = [
  'message.sent',
  'message.delivered',
  'message.failed',
  'sms.received',
  'device.online',
  'device.offline',
  'contact.opted_out',
  'keyword.received',
] as const;

export const webhooks = pgTable(
  'webhooks',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id),
    url: text('url').notNull(),
    secret: text('secret').notNull(),
    events: text('events').array().notNull(),
    enabled: boolean('enabled').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [index('webhooks_client_idx').on(t.clientId)],
);

export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    // One of the two: a platform webhook (signed by us) or an app webhook of the 3rd-party API /webhooks,
    // whose event the phone posted to us and we relay unchanged (docs/device-protocol.md, item 8).
    webhookId: integer('webhook_id').references(() => webhooks.id),
    appWebhookId: text('app_webhook_id').references(() => appWebhooks.id),
    event: text('event').notNull(),
    payload: jsonb('payload').notNull(),
    status: text('status', { enum: ['pending', 'delivering', 'delivered', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [
    index('webhook_deliveries_webhook_idx').on(t.webhookId, t.createdAt),
    index('webhook_deliveries_app_webhook_idx').on(t.appWebhookId, t.createdAt),
    // The phone retries a post with the same event id: relayed once.
    uniqueIndex('webhook_deliveries_app_event_idx').on(t.appWebhookId, sql`(${t.payload}->>'id')`).where(sql`app_webhook_id is not null`),
    check('webhook_deliveries_target_check', sql`num_nonnulls(webhook_id, app_webhook_id) = 1`),
    index('webhook_deliveries_due_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`),
  ],
);
