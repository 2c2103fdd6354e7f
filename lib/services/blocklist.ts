// The blocklist (docs/engagement.md): numbers a client never sends to, opted out by a stop word or added by
// hand. Every send path filters through it inside its own statements (no extra round trip): queueMessages
// reads the blocked among its numbers with the client's context, set-based inserts use notBlocklisted().
import 'server-only';
import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '@/db';
import { blocklist } from '@/db/schema';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import { fieldError, notFound } from '@/lib/errors';
import { parsePhone } from '@/lib/phone';
import { type Page, paginated } from './paging';
import { clientPhoneCountry } from './recipients';
import { pgArray } from './usage';

export type BlockSource = 'stop_word' | 'manual';

export interface BlockedView {
  phone: string;
  source: BlockSource;
  created_at: string;
}

/**
 * SQL: true when `phone` (an E.164 text expression) is NOT on `clientId`'s blocklist. For set-based sends
 * (campaigns): `insert … select … where ${notBlocklisted(sql`${clientId}`, sql`c.phone`)}`.
 */
export function notBlocklisted(clientId: SQL | number, phone: SQL): SQL {
  return sql`not exists (select 1 from ${blocklist} b where b.client_id = ${clientId} and b.phone = ${phone})`;
}

/**
 * SQL: a json array of the numbers among `phones` (E.164) that `clientId` has blocked, as a scalar
 * subquery to put beside other columns of one statement (lib/services/limits.ts clientContext).
 */
export function blockedAmongSql(clientId: SQL | number, phones: string[]): SQL {
  return sql`(select coalesce(json_agg(b.phone), '[]'::json) from ${blocklist} b
    where b.client_id = ${clientId} and b.phone = any(${pgArray(phones)}::text[]))`;
}

/** The numbers among `phones` (E.164) that the client has blocked: one statement. */
export async function blockedAmong(db: Db, clientId: number, phones: string[]): Promise<Set<string>> {
  if (!phones.length) return new Set();
  const [row] = rowsOf<{ j: unknown }>(await db.execute(sql`select ${blockedAmongSql(clientId, phones)} as j`));
  const list = (typeof row?.j === 'string' ? JSON.parse(row.j) : row?.j) as string[] | null;
  return new Set(list ?? []);
}

/** Puts a number on the blocklist; true when it was not there before. */
export async function block(db: Db, clientId: number, phone: string, source: BlockSource, now = new Date()): Promise<boolean> {
  const rows = await db.insert(blocklist).values({ clientId, phone, source, createdAt: now }).onConflictDoNothing().returning();
  return rows.length > 0;
}

function blockPhone(raw: string, country: Parameters<typeof parsePhone>[1]): string {
  const p = parsePhone(raw, country);
  if (!p.ok) throw fieldError('phone', `“${raw}” is not a valid phone number (${p.message}).`);
  return p.e164;
}

export async function listBlocklist(db: Db, actor: Actor, q: { page: number; limit: number; search?: string }): Promise<Page<BlockedView>> {
  assertCan(actor, 'contact.manage');
  const where: SQL[] = [eq(blocklist.clientId, actor.userId)];
  if (q.search) {
    const digits = q.search.replace(/[^\d+]/g, '');
    const p = parsePhone(q.search, await clientPhoneCountry(db, actor.userId));
    const needle = p.ok ? p.e164 : digits;
    if (needle) where.push(sql`${blocklist.phone} like ${`%${needle.replace(/^\+/, '')}%`}`);
  }
  const cond = and(...where);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(blocklist)
      .where(cond)
      .orderBy(desc(blocklist.createdAt), desc(blocklist.phone))
      .limit(q.limit)
      .offset((q.page - 1) * q.limit),
    db
      .select({ total: sql<number>`count(*)`.mapWith(Number) })
      .from(blocklist)
      .where(cond),
  ]);
  return paginated(
    rows.map((r) => ({ phone: r.phone, source: r.source as BlockSource, created_at: r.createdAt.toISOString() })),
    q,
    total,
  );
}

/** Adds numbers by hand (national formats in the client's country); those already there stay as they were. */
export async function addToBlocklist(db: Db, actor: Actor, phones: string[]): Promise<{ added: string[]; already: string[] }> {
  assertCan(actor, 'contact.manage');
  const country = await clientPhoneCountry(db, actor.userId);
  const list = [...new Set(phones.map((p) => blockPhone(p, country)))];
  const rows = await db
    .insert(blocklist)
    .values(list.map((phone) => ({ clientId: actor.userId, phone, source: 'manual' })))
    .onConflictDoNothing()
    .returning({ phone: blocklist.phone });
  const added = new Set(rows.map((r) => r.phone));
  return { added: list.filter((p) => added.has(p)), already: list.filter((p) => !added.has(p)) };
}

/** Takes a number off the blocklist: the client may send to it again. 404 when it was not there. */
export async function removeFromBlocklist(db: Db, actor: Actor, phone: string): Promise<{ phone: string; deleted: true }> {
  assertCan(actor, 'contact.manage');
  const e164 = blockPhone(phone, await clientPhoneCountry(db, actor.userId));
  const rows = await db
    .delete(blocklist)
    .where(and(eq(blocklist.clientId, actor.userId), inArray(blocklist.phone, [e164])))
    .returning({ phone: blocklist.phone });
  if (!rows.length) throw notFound('Blocked number');
  return { phone: e164, deleted: true };
}
