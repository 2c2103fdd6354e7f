// The ids callers gave their messages (the 3rd-party API's `id`, SMPP's pre-made ids), unique per client.
// `messages` is partitioned by month and cannot hold a unique key without created_at in it
// (docs/scaling.md#partitions), so the send inserts the caller's id here in its own transaction: a repeat
// is refused by this primary key. Rows older than the message retention go with their partitions.
import { integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { clients } from './accounts';

export const messageRefs = pgTable(
  'message_refs',
  {
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id),
    // The id the client sees: its own ref, or the id it asked us to use.
    ref: text('ref').notNull(),
    // The message's created_at (finds its partition; the retention job deletes by it).
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.ref] })],
);
