// Campaigns (docs/campaigns.md): one text (a message or a template, with merge fields) sent to an audience of
// contacts, groups and numbers, now or at a scheduled time. Each recipient's personalised text is kept here
// until the dispatcher (a job, lib/services/campaign-dispatch.ts) turns it into a message for a phone, at the
// client's pace and outside its quiet hours.
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { clients } from './accounts';

/** `refused`: a scheduled campaign that no longer fitted the quota (or could not be sent) when its time came. */
export const CAMPAIGN_STATES = ['scheduled', 'sending', 'done', 'cancelled', 'refused'] as const;
export type CampaignState = (typeof CAMPAIGN_STATES)[number];

export interface CampaignSkipped {
  opted_out: number;
  duplicate: number;
  invalid: number;
}

export const campaigns = pgTable(
  'campaigns',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id),
    name: text('name').notNull(),
    /** The text as written (placeholders unresolved). */
    text: text('text').notNull(),
    templateId: integer('template_id'),
    /** The chosen phone; null spreads the messages over the client's enabled phones (round robin). */
    deviceId: text('device_id'),
    state: text('state', { enum: CAMPAIGN_STATES }).notNull(),
    /** Why a campaign was refused at its start: `{code, message, ...figures}`. */
    reason: jsonb('reason').$type<Record<string, unknown>>(),
    source: text('source', { enum: ['api', 'portal'] }).notNull(),
    recipientCount: integer('recipient_count').notNull(),
    skipped: jsonb('skipped').$type<CampaignSkipped>().notNull(),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
    /** When the quota was taken (the day it counts on) and dispatching began. */
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('campaigns_client_idx').on(t.clientId, t.id),
    index('campaigns_due_idx').on(t.scheduledAt).where(sql`${t.state} = 'scheduled'`),
    index('campaigns_sending_idx').on(t.id).where(sql`${t.state} = 'sending'`),
  ],
);

/** `waiting`: not handed to the queue yet; `queued`: its message exists (message_id); `cancelled` before that; `skipped`: opted out before the start. */
export const CAMPAIGN_RECIPIENT_STATES = ['waiting', 'queued', 'cancelled', 'skipped'] as const;

export const campaignRecipients = pgTable(
  'campaign_recipients',
  {
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    phone: text('phone').notNull(),
    contactId: integer('contact_id'),
    name: text('name'),
    text: text('text').notNull(),
    segments: integer('segments').notNull(),
    encoding: text('encoding', { enum: ['gsm7', 'ucs2'] }).notNull(),
    state: text('state', { enum: CAMPAIGN_RECIPIENT_STATES }).notNull().default('waiting'),
    messageId: text('message_id'),
    deviceId: text('device_id'),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.position] }),
    index('campaign_recipients_waiting_idx').on(t.campaignId, t.position).where(sql`${t.state} = 'waiting'`),
    index('campaign_recipients_device_idx').on(t.deviceId, t.dispatchedAt).where(sql`${t.deviceId} is not null`),
    index('campaign_recipients_message_idx').on(t.messageId),
  ],
);

/** A client's campaign settings: quiet hours (local time, the client's zone) and a per-phone pace. Off by default. */
export const campaignSettings = pgTable('campaign_settings', {
  clientId: integer('client_id')
    .primaryKey()
    .references(() => clients.id),
  /** 'HH:MM'; both set or both null. Start after end wraps past midnight (21:00 → 08:00). */
  quietStart: text('quiet_start'),
  quietEnd: text('quiet_end'),
  /** Messages handed to each phone per minute at most; null: no pace. */
  pacePerMinute: integer('pace_per_minute'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
