// The messaging product's address book: contacts, groups, the blocklist (opt-outs) and message templates
// (docs/contacts.md). Every table is per client; phones are E.164 (lib/phone.ts).
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { clients } from './accounts';

export const contacts = pgTable(
  'contacts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id),
    phone: text('phone').notNull(),
    name: text('name'),
    /** Free key/value text for merge fields ({{fields.x}}). */
    fields: jsonb('fields').$type<Record<string, string>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Search is by prefix (name or number) so that plain btree indexes answer it at 100,000 contacts per
  // client; pg_trgm is not available everywhere we run (PGlite). text_pattern_ops makes LIKE 'x%' indexable
  // whatever the database collation.
  (t) => [
    uniqueIndex('contacts_client_phone_idx').on(t.clientId, t.phone),
    index('contacts_client_id_idx').on(t.clientId, t.id),
    index('contacts_client_phone_prefix_idx').on(t.clientId, sql`${t.phone} text_pattern_ops`),
    index('contacts_client_name_prefix_idx').on(t.clientId, sql`lower(${t.name}) text_pattern_ops`),
  ],
);

export const contactGroups = pgTable(
  'contact_groups',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('contact_groups_client_name_idx').on(t.clientId, sql`lower(${t.name})`)],
);

export const contactGroupMembers = pgTable(
  'contact_group_members',
  {
    groupId: integer('group_id')
      .notNull()
      .references(() => contactGroups.id, { onDelete: 'cascade' }),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.contactId] }), index('contact_group_members_contact_idx').on(t.contactId)],
);

/** Numbers a client never sends to: opted out by SMS (a stop word) or added by hand. */
export const blocklist = pgTable(
  'blocklist',
  {
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id),
    phone: text('phone').notNull(),
    /** `stop_word` (the number replied STOP or the like) or `manual`. */
    source: text('source').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.phone] }), index('blocklist_client_created_idx').on(t.clientId, t.createdAt)],
);

export const templates = pgTable(
  'templates',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id),
    name: text('name').notNull(),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('templates_client_idx').on(t.clientId, t.id)],
);
