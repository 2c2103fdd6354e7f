import 'server-only';
import { and, asc, count, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { clients, resellers, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import { DomainError, fieldError, notFound } from '@/lib/errors';
import { phoneCountry, phoneSearchTerm } from '@/lib/phone';
import { unicodeFields } from '@/lib/text/zawgyi';
import type { CreateClientInput, ListClientsQuery, UpdateClientInput } from '@/lib/validation/clients';
import { writeAudit } from './audit';
import { type ClientView, clientColumns, paidUntilSql, selectClients, statusCondition, tenancy, toViews } from './client-views';
import { likePattern, type Page, paginated } from './paging';
import { parseProfilePhone } from './recipients';
import { getSettings } from './settings';
import { assertEmailFree, endSessions } from './users';

const DAY_MS = 86_400_000;

export type { ClientView } from './client-views';
export { clientStatusCounts, deriveStatus, statusCondition } from './client-views';

/** Loads one client the actor may see; another tenant's client is "not found". */
export async function getClient(db: Db, actor: Actor, id: number, now = new Date()): Promise<ClientView> {
  if (actor.role === 'client') assertCan(actor, 'client.self');
  else assertCan(actor, 'client.read');
  const [row] = await selectClients(db).where(and(eq(clients.id, id), tenancy(actor)));
  if (!row) throw notFound('Client');
  const [view] = await toViews(db, [row], now);
  return view;
}

/** The list's sort key; ties broken by id so pages never overlap. Expiry: paid-until, else the trial end. */
function sortKey(q: ClientListParams): { key: SQL; type: SQL } {
  if (q.sort === 'name') return { key: sql`lower(${users.name})`, type: sql`text` };
  if (q.sort === 'expiry') return { key: sql`coalesce(${paidUntilSql}, ${clients.trialEndsAt})`, type: sql`timestamptz` };
  return { key: sql`${clients.createdAt}`, type: sql`timestamptz` };
}

/** A keyset cursor: the last row's sort key (as PostgreSQL prints it, to the microsecond) and its id. */
const encodeCursor = (key: string, id: number) => Buffer.from(JSON.stringify([key, id])).toString('base64url');
function decodeCursor(cursor: string): [string, number] {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && Number.isSafeInteger(v[1])) return [v[0], v[1]];
  } catch {
    // falls through to the refusal
  }
  throw fieldError('cursor', 'Not a valid cursor.');
}

/** The list query; sort and dir are optional for callers that build it by hand (newest first). */
export type ClientListParams = Omit<ListClientsQuery, 'sort' | 'dir' | 'cursor'> &
  Partial<Pick<ListClientsQuery, 'sort' | 'dir' | 'cursor'>>;

/**
 * A page of clients: its rows by index (offset `page`, or keyset `cursor`), the exact total (an index-only
 * count of the reseller's clients unless a filter reads the users), then, for the page's rows only, their
 * subscriptions and usage counters (toViews).
 */
export async function listClients(db: Db, actor: Actor, q: ClientListParams, now = new Date()): Promise<Page<ClientView>> {
  assertCan(actor, 'client.read');
  const conds: (SQL | undefined)[] = [tenancy(actor)];
  if (actor.role === 'admin' && q.reseller_id) conds.push(eq(clients.resellerId, q.reseller_id));
  if (q.status) conds.push(statusCondition(q.status, now));
  if (q.search) {
    const p = likePattern(q.search);
    const phones = (await phoneSearchPatterns(db, q.search)).map((pp) => ilike(clients.phone, pp));
    conds.push(or(ilike(users.name, p), ilike(users.email, p), ...phones, ilike(clients.accountName, p)));
  }
  const where = and(...conds);
  const { key, type } = sortKey(q);
  const desc_ = q.dir !== 'asc';
  const dir = desc_ ? desc : asc;
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  const rowsWhere = after
    ? and(where, sql`(${key}, ${clients.id}) ${desc_ ? sql`<` : sql`>`} (${after[0]}::${type}, ${after[1]}::int)`)
    : where;
  const [rows, [{ total }], settings] = await Promise.all([
    db
      .select({ ...clientColumns, sortKey: sql<string>`(${key})::text` })
      .from(clients)
      .innerJoin(users, eq(users.id, clients.id))
      .where(rowsWhere)
      .orderBy(dir(key), dir(clients.id))
      .limit(q.limit)
      .offset(after ? 0 : (q.page - 1) * q.limit),
    // The count joins the users only when a filter reads them (search, status): the join scanned them all.
    q.search || q.status
      ? db.select({ total: count() }).from(clients).innerJoin(users, eq(users.id, clients.id)).where(where)
      : db.select({ total: count() }).from(clients).where(where),
    getSettings(db),
  ]);
  const last = rows[rows.length - 1];
  const page = paginated(await toViews(db, rows, now, settings), q, total);
  return {
    ...page,
    pagination: { ...page.pagination, next_cursor: rows.length === q.limit && last ? encodeCursor(last.sortKey, last.id) : null },
  };
}

export async function createClient(db: Db, actor: Actor, input: CreateClientInput, now = new Date()): Promise<ClientView> {
  assertCan(actor, 'client.create');
  input = unicodeFields(input, ['name', 'account_name']); // Zawgyi names stored as Unicode (docs/zawgyi.md)
  const resellerId = actor.userId;
  const passwordHash = await hashPassword(input.password);
  const id = await db.transaction(async (tx) => {
    const [reseller] = await tx
      .select({ id: resellers.id, archivedAt: resellers.archivedAt })
      .from(resellers)
      .where(eq(resellers.id, resellerId));
    if (!reseller || reseller.archivedAt) throw new DomainError('forbidden', 'Only an active reseller can create clients.');
    await assertEmailFree(tx, input.email);
    const settings = await getSettings(tx);
    const trialDays = input.trial_days ?? settings.default_trial_days;
    const phone = parseProfilePhone(input.phone, phoneCountry(input.country, settings.default_country));
    const [user] = await tx
      .insert(users)
      .values({ role: 'client', email: input.email, name: input.name, passwordHash })
      .returning({ id: users.id });
    await tx.insert(clients).values({
      id: user.id,
      resellerId,
      phone,
      accountName: input.account_name ?? null,
      country: input.country?.toUpperCase() ?? null,
      timeZone: input.time_zone ?? null,
      trialEndsAt: new Date(now.getTime() + trialDays * DAY_MS),
      createdAt: now,
    });
    const { password: _p, ...safe } = input;
    await writeAudit(tx, actor, 'client.create', { type: 'client', id: user.id }, null, { ...safe, phone, trial_days: trialDays });
    return user.id;
  });
  return getClient(db, actor, id, now);
}

/**
 * What a search matches in the phone column: a number typed in any format (`09420000115`) as its E.164
 * form (`+959420000115`), and the digits typed (`777 0202` finds `+9597770202`).
 */
async function phoneSearchPatterns(db: Db, search: string): Promise<string[]> {
  const e164 = phoneSearchTerm(search, phoneCountry((await getSettings(db)).default_country));
  const digits = search.replace(/[\s().-]/g, '') || search;
  return e164 && e164 !== digits ? [likePattern(e164), likePattern(digits)] : [likePattern(digits)];
}

/** Locks and returns the client row if the actor may change it; 404 otherwise. */
export async function lockClientFor(tx: Db, actor: Actor, id: number) {
  const [row] = await tx
    .select()
    .from(clients)
    .where(and(eq(clients.id, id), tenancy(actor)))
    .for('update');
  if (!row) throw notFound('Client');
  return row;
}

export async function updateClient(db: Db, actor: Actor, id: number, input: UpdateClientInput, now = new Date()): Promise<ClientView> {
  assertCan(actor, 'client.update');
  input = unicodeFields(input, ['name', 'account_name']);
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  await db.transaction(async (tx) => {
    const before = await lockClientFor(tx, actor, id);
    const [user] = await tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, id));
    if (input.email && input.email.toLowerCase() !== user.email.toLowerCase()) await assertEmailFree(tx, input.email, id);
    const userSet: Partial<typeof users.$inferInsert> = {};
    if (input.name !== undefined) userSet.name = input.name;
    if (input.email !== undefined) userSet.email = input.email;
    if (passwordHash) {
      userSet.passwordHash = passwordHash;
    }
    if (Object.keys(userSet).length)
      await tx
        .update(users)
        .set({ ...userSet, updatedAt: now })
        .where(eq(users.id, id));
    if (passwordHash) await endSessions(tx, id, now);
    const clientSet: Partial<typeof clients.$inferInsert> = {};
    if ('phone' in input) {
      const country = phoneCountry('country' in input ? input.country : before.country, (await getSettings(tx)).default_country);
      clientSet.phone = parseProfilePhone(input.phone, country);
    }
    if ('account_name' in input) clientSet.accountName = input.account_name ?? null;
    if ('country' in input) clientSet.country = input.country ?? null;
    if ('time_zone' in input) clientSet.timeZone = input.time_zone ?? null;
    if (input.auto_renew !== undefined) clientSet.autoRenew = input.auto_renew;
    if (Object.keys(clientSet).length) await tx.update(clients).set(clientSet).where(eq(clients.id, id));
    const { password: _p, ...safe } = input;
    await writeAudit(
      tx,
      actor,
      'client.update',
      { type: 'client', id },
      {
        name: user.name,
        email: user.email,
        phone: before.phone,
        account_name: before.accountName,
        country: before.country,
        time_zone: before.timeZone,
        auto_renew: before.autoRenew,
      },
      { ...safe, ...('phone' in clientSet ? { phone: clientSet.phone } : {}), ...(passwordHash ? { password_changed: true } : {}) },
    );
  });
  return getClient(db, actor, id, now);
}

/** Suspend or unsuspend: a suspended client is out at its next request and cannot send. */
export async function setClientSuspended(db: Db, actor: Actor, id: number, suspended: boolean, now = new Date()): Promise<ClientView> {
  assertCan(actor, 'client.suspend');
  await db.transaction(async (tx) => {
    await lockClientFor(tx, actor, id);
    const [user] = await tx.select({ status: users.status }).from(users).where(eq(users.id, id));
    const next = suspended ? 'suspended' : 'active';
    if (user.status === next) return;
    await tx.update(users).set({ status: next, updatedAt: now }).where(eq(users.id, id));
    await endSessions(tx, id, now);
    await writeAudit(
      tx,
      actor,
      suspended ? 'client.suspend' : 'client.unsuspend',
      { type: 'client', id },
      { status: user.status },
      { status: next },
    );
  });
  return getClient(db, actor, id, now);
}
