// Contact groups (docs/contacts.md): named lists of a client's contacts, for filtering and for sending.
import 'server-only';
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { contactGroupMembers, contactGroups } from '@/db/schema';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import { DomainError, fieldError, notFound } from '@/lib/errors';

export interface GroupView {
  id: number;
  name: string;
  contacts: number;
  created_at: string;
}

export async function listGroups(db: Db, actor: Actor): Promise<GroupView[]> {
  assertCan(actor, 'contact.manage');
  const rows = await db
    .select({
      id: contactGroups.id,
      name: contactGroups.name,
      createdAt: contactGroups.createdAt,
      contacts: sql<number>`(SELECT count(*) FROM contact_group_members m WHERE m.group_id = ${contactGroups.id})`.mapWith(Number),
    })
    .from(contactGroups)
    .where(eq(contactGroups.clientId, actor.userId))
    .orderBy(asc(sql`lower(${contactGroups.name})`), asc(contactGroups.id));
  return rows.map((g) => ({ id: g.id, name: g.name, contacts: g.contacts, created_at: g.createdAt.toISOString() }));
}

const taken = (name: string) => fieldError('name', `A group named “${name}” already exists.`, 'conflict');

export async function createGroup(db: Db, actor: Actor, input: { name: string }): Promise<GroupView> {
  assertCan(actor, 'contact.manage');
  const [g] = await db.insert(contactGroups).values({ clientId: actor.userId, name: input.name }).onConflictDoNothing().returning();
  if (!g) throw taken(input.name);
  return { id: g.id, name: g.name, contacts: 0, created_at: g.createdAt.toISOString() };
}

async function ownGroup(db: Db, actor: Actor, id: number) {
  const [g] = await db
    .select()
    .from(contactGroups)
    .where(and(eq(contactGroups.id, id), eq(contactGroups.clientId, actor.userId)));
  if (!g) throw notFound('Group');
  return g;
}

export async function renameGroup(db: Db, actor: Actor, id: number, input: { name?: string }): Promise<GroupView> {
  assertCan(actor, 'contact.manage');
  const g = await ownGroup(db, actor, id);
  let name = g.name;
  if (input.name !== undefined && input.name !== g.name) {
    const clash = await db
      .select({ id: contactGroups.id })
      .from(contactGroups)
      .where(and(eq(contactGroups.clientId, actor.userId), sql`lower(${contactGroups.name}) = lower(${input.name})`));
    if (clash.some((c) => c.id !== g.id)) throw taken(input.name);
    await db.update(contactGroups).set({ name: input.name }).where(eq(contactGroups.id, g.id));
    name = input.name;
  }
  const [{ n }] = await db.select({ n: count() }).from(contactGroupMembers).where(eq(contactGroupMembers.groupId, g.id));
  return { id: g.id, name, contacts: n, created_at: g.createdAt.toISOString() };
}

/** The group goes; its contacts stay (only the memberships are removed). */
export async function deleteGroup(db: Db, actor: Actor, id: number): Promise<{ id: number; deleted: true }> {
  assertCan(actor, 'contact.manage');
  const g = await ownGroup(db, actor, id);
  await db.delete(contactGroups).where(eq(contactGroups.id, g.id));
  return { id, deleted: true };
}

/** Group ids given by a caller → the same ids when every one is this client's, else a 400 on `field`. */
export async function assertOwnGroups(db: Db, clientId: number, ids: number[], field = 'groups'): Promise<number[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return unique;
  const found = await db
    .select({ id: contactGroups.id })
    .from(contactGroups)
    .where(and(eq(contactGroups.clientId, clientId), inArray(contactGroups.id, unique)));
  const have = new Set(found.map((g) => g.id));
  const missing = unique.filter((id) => !have.has(id));
  if (missing.length) {
    const msg = `No such group: ${missing.join(', ')}.`;
    throw new DomainError('validation_failed', msg, { fields: { [field]: [msg] } });
  }
  return unique;
}
