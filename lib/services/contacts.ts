// Contacts (docs/contacts.md): a client's address book. Phones are stored E.164, read in the client's
// country (lib/phone.ts); a number is one contact per client. Names arrive through the common `name`
// schema (Zawgyi becomes Unicode, docs/zawgyi.md).
import 'server-only';
import { and, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { contactGroupMembers, contactGroups, contacts } from '@/db/schema';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import { fieldError, notFound } from '@/lib/errors';
import { type CountryCode, parsePhone, phonePrefixes } from '@/lib/phone';
import { unicodeName } from '@/lib/text/zawgyi';
import type { ContactInput, ContactUpdateInput, ListContactsQuery } from '@/lib/validation/contacts';
import { assertOwnGroups } from './contact-groups';
import { type Page, paginated } from './paging';
import { clientPhoneCountry } from './recipients';

type Contact = typeof contacts.$inferSelect;

export interface ContactView {
  id: number;
  phone: string;
  name: string | null;
  fields: Record<string, string>;
  groups: { id: number; name: string }[];
  created_at: string;
  updated_at: string;
}

const view = (c: Contact, groups: { id: number; name: string }[]): ContactView => ({
  id: c.id,
  phone: c.phone,
  name: c.name,
  fields: c.fields,
  groups,
  created_at: c.createdAt.toISOString(),
  updated_at: c.updatedAt.toISOString(),
});

/** The groups of each contact, by contact id (one query for a whole page). */
async function groupsOf(db: Db, ids: number[]): Promise<Map<number, { id: number; name: string }[]>> {
  const out = new Map<number, { id: number; name: string }[]>();
  if (!ids.length) return out;
  const rows = await db
    .select({ contactId: contactGroupMembers.contactId, id: contactGroups.id, name: contactGroups.name })
    .from(contactGroupMembers)
    .innerJoin(contactGroups, eq(contactGroups.id, contactGroupMembers.groupId))
    .where(inArray(contactGroupMembers.contactId, ids))
    .orderBy(contactGroups.name);
  for (const r of rows) {
    const list = out.get(r.contactId) ?? [];
    list.push({ id: r.id, name: r.name });
    out.set(r.contactId, list);
  }
  return out;
}

/** A number as typed → E.164 in the client's country, or a 400 on `phone`. */
export function contactPhone(raw: string, country: CountryCode): string {
  const p = parsePhone(raw, country);
  if (!p.ok) throw fieldError('phone', `“${raw}” is not a valid phone number (${p.message}).`);
  return p.e164;
}

const duplicate = (phone: string) => fieldError('phone', `A contact with the number ${phone} already exists.`, 'conflict');

/** LIKE 'x%' with the wildcards of x escaped, so the prefix indexes answer it. */
const startsWith = (x: string) => `${x.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Name starts with the text (any case), or the number starts with what the text reads as (national too). */
function searchCondition(search: string, country: CountryCode): SQL {
  const byName = sql`lower(${contacts.name}) LIKE lower(${startsWith(unicodeName(search))})`;
  const prefixes = phonePrefixes(search, country) ?? [];
  const byPhone = prefixes.map((p) => sql`${contacts.phone} LIKE ${startsWith(p)}`);
  return or(byName, ...byPhone) as SQL;
}

export async function listContacts(db: Db, actor: Actor, q: ListContactsQuery): Promise<Page<ContactView>> {
  assertCan(actor, 'contact.manage');
  const where: SQL[] = [eq(contacts.clientId, actor.userId)];
  if (q.search) where.push(searchCondition(q.search, await clientPhoneCountry(db, actor.userId)));
  if (q.group_id !== undefined) {
    where.push(sql`EXISTS (SELECT 1 FROM contact_group_members m WHERE m.group_id = ${q.group_id} AND m.contact_id = ${contacts.id})`);
  }
  const cond = and(...where);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(contacts)
      .where(cond)
      .orderBy(desc(contacts.id))
      .limit(q.limit)
      .offset((q.page - 1) * q.limit),
    db
      .select({ total: sql<number>`count(*)`.mapWith(Number) })
      .from(contacts)
      .where(cond),
  ]);
  const groups = await groupsOf(
    db,
    rows.map((r) => r.id),
  );
  return paginated(
    rows.map((r) => view(r, groups.get(r.id) ?? [])),
    q,
    total,
  );
}

async function ownContact(db: Db, actor: Actor, id: number): Promise<Contact> {
  const [c] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.id, id), eq(contacts.clientId, actor.userId)));
  if (!c) throw notFound('Contact');
  return c;
}

export async function getContact(db: Db, actor: Actor, id: number): Promise<ContactView> {
  assertCan(actor, 'contact.manage');
  const c = await ownContact(db, actor, id);
  return view(c, (await groupsOf(db, [c.id])).get(c.id) ?? []);
}

async function setGroups(tx: Db, contactId: number, groupIds: number[]): Promise<void> {
  await tx.delete(contactGroupMembers).where(eq(contactGroupMembers.contactId, contactId));
  if (groupIds.length) await tx.insert(contactGroupMembers).values(groupIds.map((groupId) => ({ groupId, contactId })));
}

export async function createContact(db: Db, actor: Actor, input: ContactInput): Promise<ContactView> {
  assertCan(actor, 'contact.manage');
  const phone = contactPhone(input.phone, await clientPhoneCountry(db, actor.userId));
  const groupIds = await assertOwnGroups(db, actor.userId, input.groups ?? []);
  const id = await db.transaction(async (tx) => {
    const [c] = await tx
      .insert(contacts)
      .values({ clientId: actor.userId, phone, name: input.name ?? null, fields: input.fields ?? {} })
      .onConflictDoNothing()
      .returning({ id: contacts.id });
    if (!c) throw duplicate(phone);
    await setGroups(tx, c.id, groupIds);
    return c.id;
  });
  return getContact(db, actor, id);
}

/** Only the fields given change; `groups` replaces the contact's groups; `fields` replaces its fields. */
export async function updateContact(db: Db, actor: Actor, id: number, input: ContactUpdateInput): Promise<ContactView> {
  assertCan(actor, 'contact.manage');
  const before = await ownContact(db, actor, id);
  const set: Partial<typeof contacts.$inferInsert> = {};
  if (input.phone !== undefined) set.phone = contactPhone(input.phone, await clientPhoneCountry(db, actor.userId));
  if (input.name !== undefined) set.name = input.name;
  if (input.fields !== undefined) set.fields = input.fields;
  const groupIds = input.groups === undefined ? undefined : await assertOwnGroups(db, actor.userId, input.groups);
  await db.transaction(async (tx) => {
    if (set.phone !== undefined && set.phone !== before.phone) {
      const [clash] = await tx
        .select({ id: contacts.id })
        .from(contacts)
        .where(and(eq(contacts.clientId, actor.userId), eq(contacts.phone, set.phone)));
      if (clash) throw duplicate(set.phone);
    }
    if (Object.keys(set).length) {
      await tx
        .update(contacts)
        .set({ ...set, updatedAt: new Date() })
        .where(eq(contacts.id, before.id));
    }
    if (groupIds !== undefined) await setGroups(tx, before.id, groupIds);
  });
  return getContact(db, actor, id);
}

export async function deleteContact(db: Db, actor: Actor, id: number): Promise<{ id: number; deleted: true }> {
  assertCan(actor, 'contact.manage');
  const c = await ownContact(db, actor, id);
  await db.delete(contacts).where(eq(contacts.id, c.id));
  return { id, deleted: true };
}
