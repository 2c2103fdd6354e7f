// Keywords (docs/engagement.md#keywords): an inbound SMS starting with one gets its auto-reply through the
// phone that received it and may join a group. The reseller allows a number of keywords per client (0: off).
import 'server-only';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { clients, keywordSettings, keywords } from '@/db/schema';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import { DomainError, fieldError, notFound } from '@/lib/errors';
import { pgError } from '@/lib/http/errors';
import type { KeywordInput, KeywordUpdate } from '@/lib/validation/engagement';
import { assertOwnGroups } from './contact-groups';
import { normalizeWord } from './stop-words';

export type Keyword = typeof keywords.$inferSelect;

export interface KeywordView {
  id: number;
  keyword: string;
  reply: string | null;
  group_id: number | null;
  created_at: string;
  updated_at: string;
}

const view = (k: Keyword): KeywordView => ({
  id: k.id,
  keyword: k.keyword,
  reply: k.reply,
  group_id: k.groupId,
  created_at: k.createdAt.toISOString(),
  updated_at: k.updatedAt.toISOString(),
});

/** How many keywords the client's reseller allows it (0: keywords are off). */
export async function keywordLimit(db: Db, clientId: number): Promise<number> {
  const [row] = await db.select({ n: keywordSettings.keywordLimit }).from(keywordSettings).where(eq(keywordSettings.clientId, clientId));
  return row?.n ?? 0;
}

/** The reseller's switch: the client may define up to `limit` keywords (0 turns them off). */
export async function setKeywordLimit(db: Db, actor: Actor, clientId: number, limit: number): Promise<{ keyword_limit: number }> {
  assertCan(actor, 'client.update');
  const [c] = await db.select({ resellerId: clients.resellerId }).from(clients).where(eq(clients.id, clientId));
  if (!c || (actor.role === 'reseller' && c.resellerId !== actor.userId)) throw notFound('Client');
  await db
    .insert(keywordSettings)
    .values({ clientId, keywordLimit: limit })
    .onConflictDoUpdate({ target: keywordSettings.clientId, set: { keywordLimit: limit } });
  return { keyword_limit: limit };
}

export async function listKeywords(db: Db, actor: Actor): Promise<{ data: KeywordView[]; limit: number }> {
  assertCan(actor, 'contact.manage');
  const [rows, limit] = await Promise.all([
    db.select().from(keywords).where(eq(keywords.clientId, actor.userId)).orderBy(asc(keywords.keyword)),
    keywordLimit(db, actor.userId),
  ]);
  return { data: rows.map(view), limit };
}

const taken = (k: string) => fieldError('keyword', `The keyword “${k}” exists already.`, 'conflict');

export async function createKeyword(db: Db, actor: Actor, input: KeywordInput): Promise<KeywordView> {
  assertCan(actor, 'contact.manage');
  const keyword = normalizeWord(input.keyword);
  if (!keyword) throw fieldError('keyword', 'Enter a keyword.');
  const groupId = input.group_id ? (await assertOwnGroups(db, actor.userId, [input.group_id], 'group_id'))[0] : null;
  return db.transaction(async (tx) => {
    // The settings row, locked: two creates at once cannot both take the last place.
    const [s] = await tx.select().from(keywordSettings).where(eq(keywordSettings.clientId, actor.userId)).for('update');
    const limit = s?.keywordLimit ?? 0;
    const [{ n }] = await tx.select({ n: count() }).from(keywords).where(eq(keywords.clientId, actor.userId));
    if (limit === 0)
      throw new DomainError('keyword_limit_reached', 'Keywords are not enabled for this account: ask your provider.', { limit });
    if (n >= limit) throw new DomainError('keyword_limit_reached', `The limit of ${limit} keyword(s) is reached.`, { limit, used: n });
    try {
      const [k] = await tx
        .insert(keywords)
        .values({ clientId: actor.userId, keyword, reply: input.reply || null, groupId })
        .returning();
      return view(k);
    } catch (err) {
      if (pgError(err)?.code === '23505') throw taken(keyword);
      throw err;
    }
  });
}

async function own(db: Db, actor: Actor, id: number): Promise<Keyword> {
  const [k] = await db
    .select()
    .from(keywords)
    .where(and(eq(keywords.id, id), eq(keywords.clientId, actor.userId)));
  if (!k) throw notFound('Keyword');
  return k;
}

export async function updateKeyword(db: Db, actor: Actor, id: number, input: KeywordUpdate): Promise<KeywordView> {
  assertCan(actor, 'contact.manage');
  const k = await own(db, actor, id);
  const set: Partial<typeof keywords.$inferInsert> = { updatedAt: new Date() };
  if (input.keyword !== undefined) set.keyword = normalizeWord(input.keyword);
  if (input.reply !== undefined) set.reply = input.reply || null;
  if (input.group_id !== undefined)
    set.groupId = input.group_id ? (await assertOwnGroups(db, actor.userId, [input.group_id], 'group_id'))[0] : null;
  try {
    const [u] = await db.update(keywords).set(set).where(eq(keywords.id, k.id)).returning();
    return view(u);
  } catch (err) {
    if (pgError(err)?.code === '23505') throw taken(set.keyword ?? k.keyword);
    throw err;
  }
}

export async function deleteKeyword(db: Db, actor: Actor, id: number): Promise<{ id: number; deleted: true }> {
  assertCan(actor, 'contact.manage');
  const k = await own(db, actor, id);
  await db.delete(keywords).where(eq(keywords.id, k.id));
  return { id, deleted: true };
}

/**
 * The keyword an inbound text starts with (the longest), when the client's keywords are on. A Latin keyword
 * must be followed by a space or the end (JOIN is not JOINED); a Burmese one may run into the next word.
 */
export async function matchKeyword(db: Db, clientId: number, text: string): Promise<Keyword | null> {
  const t = normalizeWord(text);
  if (!t) return null;
  const rows = await db
    .select({ k: keywords })
    .from(keywords)
    .innerJoin(keywordSettings, eq(keywordSettings.clientId, keywords.clientId))
    .where(and(eq(keywords.clientId, clientId), sql`${keywordSettings.keywordLimit} > 0`));
  const hits = rows
    .map((r) => r.k)
    .filter((k) => {
      if (!t.startsWith(k.keyword)) return false;
      const next = t.charAt(k.keyword.length);
      return next === '' || next === ' ' || !/[A-Z0-9]$/.test(k.keyword) || !/[A-Z0-9]/.test(next);
    })
    .sort((a, b) => b.keyword.length - a.keyword.length);
  return hits[0] ?? null;
}
