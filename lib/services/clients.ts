import 'server-only';
import { and, asc, count, desc, eq, ilike, inArray, isNull, max, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { clients, resellers, subscriptions, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import { DomainError, fieldError, notFound } from '@/lib/errors';
import { phoneCountry, phoneSearchTerm } from '@/lib/phone';
import { unicodeFields } from '@/lib/text/zawgyi';
import type { ClientStatus, CreateClientInput, ListClientsQuery, UpdateClientInput } from '@/lib/validation/clients';
import { writeAudit } from './audit';
import { likePattern, type Page, paginated } from './paging';
import { parseProfilePhone } from './recipients';
import { getSettings, type PlatformSettings } from './settings';
import { at, currentSubscriptions, hasCurrentSubscription, type Subscription } from './subscriptions';
import { usageCounts } from './usage';
import { assertEmailFree, endSessions } from './users';

const DAY_MS = 86_400_000;

export interface ClientView {
  id: number;
  reseller_id: number;
  reseller_name: string;
  name: string;
  email: string;
  phone: string | null;
  account_name: string | null;
  country: string | null;
  time_zone: string | null;
  status: ClientStatus;
  trial_ends_at: string;
  package: null | { package_type: string; name: string; starts_at: string; ends_at: string };
  paid_until: string | null;
  /** The date that matters now: paid until for a subscriber, the trial end for a trial or expired trial. */
  expires_at: string | null;
  usage: { today: number; period: number; daily_limit: number; period_limit: number; device_limit: number };
  credit_balance: number;
  auto_renew: boolean;
  created_at: string;
}

// The reseller's name and the paid-until date are read for the rows of a page only (toViews): as
// subqueries in the select list they ran for every row an OFFSET skipped.
const clientColumns = {
  id: clients.id,
  resellerId: clients.resellerId,
  name: users.name,
  email: users.email,
  userStatus: users.status,
  phone: clients.phone,
  accountName: clients.accountName,
  country: clients.country,
  timeZone: clients.timeZone,
  trialEndsAt: clients.trialEndsAt,
  creditBalance: clients.creditBalance,
  autoRenew: clients.autoRenew,
  createdAt: clients.createdAt,
};

/** Paid until: the end of the last uncanceled subscription (for sorting by expiry). */
const paidUntilSql = sql`(select max(${subscriptions.endsAt}) from ${subscriptions}
  where ${subscriptions.clientId} = ${clients.id} and ${subscriptions.canceledAt} is null)`;

function selectClients(db: Db) {
  return db.select(clientColumns).from(clients).innerJoin(users, eq(users.id, clients.id));
}
type ClientRow = Awaited<ReturnType<ReturnType<typeof selectClients>['execute']>>[number];

/** Status is derived from timestamps at `now`: right at every instant, no cron job. */
export function deriveStatus(userStatus: string, trialEndsAt: Date, current: object | undefined, now: Date): ClientStatus {
  if (userStatus !== 'active') return 'suspended';
  if (current) return 'active';
  return trialEndsAt > now ? 'trial' : 'expired';
}

export function statusCondition(status: ClientStatus, now: Date): SQL {
  const current = hasCurrentSubscription(clients.id, now);
  switch (status) {
    case 'suspended':
      return sql`${users.status} <> 'active'`;
    case 'active':
      return sql`${users.status} = 'active' and ${current}`;
    case 'trial':
      return sql`${users.status} = 'active' and not ${current} and ${clients.trialEndsAt} > ${at(now)}`;
    case 'expired':
      return sql`${users.status} = 'active' and not ${current} and ${clients.trialEndsAt} <= ${at(now)}`;
  }
}

/** How many clients are in each status at `now` (of one reseller, or all). */
export async function clientStatusCounts(db: Db, now: Date, resellerId?: number): Promise<Record<ClientStatus | 'total', number>> {
  const n = (status: ClientStatus) => sql<number>`count(*) filter (where ${statusCondition(status, now)})::int`;
  const [row] = await db
    .select({ trial: n('trial'), active: n('active'), expired: n('expired'), suspended: n('suspended'), total: sql<number>`count(*)::int` })
    .from(clients)
    .innerJoin(users, eq(users.id, clients.id))
    .where(resellerId === undefined ? undefined : eq(clients.resellerId, resellerId));
  return row;
}

async function toViews(db: Db, rows: ClientRow[], now: Date): Promise<ClientView[]> {
  const ids = rows.map((r) => r.id);
  if (!ids.length) return [];
  const resellerIds = [...new Set(rows.map((r) => r.resellerId))];
  const [subs, settings, names, paid] = await Promise.all([
    currentSubscriptions(db, ids, now),
    getSettings(db),
    db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, resellerIds)),
    db
      .select({ clientId: subscriptions.clientId, until: max(subscriptions.endsAt) })
      .from(subscriptions)
      .where(and(inArray(subscriptions.clientId, ids), isNull(subscriptions.canceledAt)))
      .groupBy(subscriptions.clientId),
  ]);
  const resellerName = new Map(names.map((n) => [n.id, n.name]));
  const paidUntil = new Map(paid.map((p) => [p.clientId, p.until ? new Date(p.until) : null]));
  // The period a client's SMS count toward: its current subscription, or its trial (since sign-up).
  const periods = new Map(rows.map((r) => [r.id, subs.get(r.id)?.startsAt ?? r.createdAt]));
  const usage = await usageCounts(db, periods, now, settings.time_zone);
  return rows.map((r) =>
    clientView(
      { ...r, resellerName: resellerName.get(r.resellerId) ?? '', paidUntil: paidUntil.get(r.id) ?? null },
      subs.get(r.id),
      usage.get(r.id),
      settings,
      now,
    ),
  );
}

function clientView(
  r: ClientRow & { resellerName: string; paidUntil: Date | null },
  sub: Subscription | undefined,
  used: { today: number; period: number } | undefined,
  settings: PlatformSettings,
  now: Date,
): ClientView {
  const status = deriveStatus(r.userStatus, r.trialEndsAt, sub, now);
  const inTrial = !sub && r.trialEndsAt > now;
  const paidUntil = r.paidUntil;
  return {
    id: r.id,
    reseller_id: r.resellerId,
    reseller_name: r.resellerName,
    name: r.name,
    email: r.email,
    phone: r.phone,
    account_name: r.accountName,
    country: r.country,
    time_zone: r.timeZone,
    status,
    trial_ends_at: r.trialEndsAt.toISOString(),
    package: sub
      ? { package_type: sub.packageCode, name: sub.packageName, starts_at: sub.startsAt.toISOString(), ends_at: sub.endsAt.toISOString() }
      : null,
    paid_until: paidUntil && paidUntil > now ? paidUntil.toISOString() : null,
    expires_at:
      paidUntil && paidUntil > now
        ? paidUntil.toISOString()
        : status === 'trial' || status === 'expired'
          ? r.trialEndsAt.toISOString()
          : null,
    usage: {
      today: used?.today ?? 0,
      period: used?.period ?? 0,
      daily_limit: sub ? sub.dailyLimit : inTrial ? settings.trial_daily_limit : 0,
      period_limit: sub ? sub.periodLimit : inTrial ? settings.trial_period_limit : 0,
      device_limit: sub ? sub.deviceLimit : inTrial ? settings.trial_device_limit : 0,
    },
    credit_balance: r.creditBalance,
    auto_renew: r.autoRenew,
    created_at: r.createdAt.toISOString(),
  };
}

function tenancy(actor: Actor): SQL | undefined {
  if (actor.role === 'reseller') return eq(clients.resellerId, actor.userId);
  if (actor.role === 'client') return eq(clients.id, actor.userId);
  return undefined;
}

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
  const [rows, [{ total }]] = await Promise.all([
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
  ]);
  const last = rows[rows.length - 1];
  const page = paginated(await toViews(db, rows, now), q, total);
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
