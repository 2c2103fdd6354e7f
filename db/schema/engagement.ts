// Opt-out words, keywords and the inbox's read marks (issue 14, docs/engagement.md). The blocklist itself is
// in contacts.ts. Every table is per client.
import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { clients } from './accounts';
import { contactGroups } from './contacts';

/** A client's own stop words, beside the built-in ones (lib/services/stop-words.ts). Stored upper-cased. */
export const stopWords = pgTable(
  'stop_words',
  {
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id),
    word: text('word').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.word] })],
);

/** An inbound SMS starting with `keyword` gets `reply` and may join `groupId` (subscribe by SMS). */
export const keywords = pgTable(
  'keywords',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id),
    keyword: text('keyword').notNull(),
    reply: text('reply'),
    groupId: integer('group_id').references(() => contactGroups.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('keywords_client_keyword_idx').on(t.clientId, sql`upper(${t.keyword})`)],
);

/** What the reseller allows: how many keywords a client may define (no row, or 0: keywords are off). */
export const keywordSettings = pgTable('keyword_settings', {
  clientId: integer('client_id')
    .primaryKey()
    .references(() => clients.id),
  keywordLimit: integer('keyword_limit').notNull().default(0),
});

/** The inbox: the last inbound message the client has seen in each conversation (unread = newer ones). */
export const inboxReads = pgTable(
  'inbox_reads',
  {
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id),
    phone: text('phone').notNull(),
    lastReadId: bigint('last_read_id', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.phone] }), index('inbox_reads_client_idx').on(t.clientId)],
);
