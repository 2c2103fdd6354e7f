import 'server-only';
import { and, asc, count, desc, eq, ilike, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { clients, resellers, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import { DomainError, fieldError, notFound } from '@/lib/errors';
import { type CreateResellerInput, type ListResellersQuery, subdomain, type UpdateResellerInput } from '@/lib/validation/resellers';
import { writeAudit } from './audit';
import { likePattern, type Page, paginated } from './paging';
import { parseProfilePhone, platformPhoneCountry } from './recipients';
import { assertEmailFree, endSessions } from './users';

export interface ResellerView {
  id: number;
  name: string;
  email: string;
  phone: string;
  partner_type: 'own_plans' | 'commission';
  subdomain: string;
  status: 'active' | 'suspended' | 'archived';
  credit_balance: number;
  commission_balance: number;
  commission_rate: number;
  website: string | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  clients_count?: number;
  created_at: string;
}

const resellerColumns = {
  id: resellers.id,
  name: users.name,
  email: users.email,
  status: users.status,
  phone: resellers.phone,
  partnerType: resellers.partnerType,
  subdomain: resellers.subdomain,
  creditBalance: resellers.creditBalance,
  commissionBalance: resellers.commissionBalance,
  commissionRateBp: resellers.commissionRateBp,
  website: resellers.website,
  contactName: resellers.contactName,
  contactEmail: resellers.contactEmail,
  contactPhone: resellers.contactPhone,
  createdAt: resellers.createdAt,
};

function selectResellers(db: Db) {
  return db.select(resellerColumns).from(resellers).innerJoin(users, eq(users.id, resellers.id));
}
type ResellerRow = Awaited<ReturnType<ReturnType<typeof selectResellers>['execute']>>[number];

export function resellerView(r: ResellerRow, clientsCount?: number): ResellerView {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    phone: r.phone,
    partner_type: r.partnerType,
    subdomain: r.subdomain,
    status: r.status,
    credit_balance: r.creditBalance,
    commission_balance: r.commissionBalance,
    commission_rate: r.commissionRateBp / 100,
    website: r.website,
    contact_name: r.contactName,
    contact_email: r.contactEmail,
    contact_phone: r.contactPhone,
    ...(clientsCount === undefined ? {} : { clients_count: clientsCount }),
    created_at: r.createdAt.toISOString(),
  };
}

async function loadReseller(db: Db, id: number): Promise<ResellerRow | undefined> {
  const [row] = await selectResellers(db).where(eq(resellers.id, id));
  return row;
}

async function assertSubdomainFree(db: Db, subdomain: string, exceptId?: number): Promise<void> {
  const conds = [eq(resellers.subdomain, subdomain)];
  if (exceptId !== undefined) conds.push(ne(resellers.id, exceptId));
  const [hit] = await db
    .select({ id: resellers.id })
    .from(resellers)
    .where(and(...conds))
    .limit(1);
  if (hit) throw fieldError('subdomain', 'This subdomain is already taken.', 'subdomain_taken');
}

export async function createReseller(db: Db, actor: Actor, input: CreateResellerInput): Promise<ResellerView> {
  assertCan(actor, 'reseller.create');
  const passwordHash = await hashPassword(input.password);
  const id = await db.transaction(async (tx) => {
    await assertEmailFree(tx, input.email);
    await assertSubdomainFree(tx, input.subdomain);
    const [user] = await tx
      .insert(users)
      .values({ role: 'reseller', email: input.email, name: input.name, passwordHash })
      .returning({ id: users.id });
    const country = await platformPhoneCountry(tx);
    await tx.insert(resellers).values({
      id: user.id,
      partnerType: input.partner_type,
      phone: parseProfilePhone(input.phone, country) ?? '',
      website: input.website ?? null,
      contactName: input.contact_name ?? null,
      contactEmail: input.contact_email ?? null,
      contactPhone: parseProfilePhone(input.contact_phone, country, 'contact_phone'),
      subdomain: input.subdomain,
      commissionRateBp: input.partner_type === 'commission' ? Math.round((input.commission_rate ?? 0) * 100) : 0,
    });
    const { password: _p, password_confirmation: _c, ...safe } = input;
    await writeAudit(tx, actor, 'reseller.create', { type: 'reseller', id: user.id }, null, safe);
    return user.id;
  });
  return await getReseller(db, actor, id);
}

export async function getReseller(db: Db, actor: Actor, id: number): Promise<ResellerView> {
  if (actor.role === 'reseller') {
    if (actor.userId !== id) throw notFound('Reseller');
  } else {
    assertCan(actor, 'reseller.read');
  }
  const row = await loadReseller(db, id);
  if (!row) throw notFound('Reseller');
  const [{ n }] = await db.select({ n: count() }).from(clients).where(eq(clients.resellerId, id));
  return resellerView(row, n);
}

/** The signed-in reseller's own profile. */
export function resellerProfile(db: Db, actor: Actor): Promise<ResellerView> {
  assertCan(actor, 'reseller.profile');
  return getReseller(db, actor, actor.userId);
}

export async function listResellers(db: Db, actor: Actor, q: ListResellersQuery): Promise<Page<ResellerView>> {
  assertCan(actor, 'reseller.read');
  const conds = [ne(users.status, 'archived')];
  if (q.status) conds.push(eq(users.status, q.status));
  if (q.search) {
    const p = likePattern(q.search);
    conds.push(or(ilike(users.name, p), ilike(users.email, p), ilike(resellers.subdomain, p)) ?? sql`false`);
  }
  const where = and(...conds);
  const clientsCount = sql<number>`(select count(*)::int from ${clients} where ${clients.resellerId} = ${resellers.id})`;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ ...resellerColumns, clientsCount })
      .from(resellers)
      .innerJoin(users, eq(users.id, resellers.id))
      .where(where)
      .orderBy(...resellerOrder(q, clientsCount))
      .limit(q.limit)
      .offset((q.page - 1) * q.limit),
    db.select({ total: count() }).from(resellers).innerJoin(users, eq(users.id, resellers.id)).where(where),
  ]);
  return paginated(
    rows.map((r) => resellerView(r, Number(r.clientsCount))),
    q,
    total,
  );
}

function resellerOrder(q: ListResellersQuery, clientsCount: SQL) {
  const by = {
    created_at: resellers.createdAt,
    name: users.name,
    email: users.email,
    credit_balance: resellers.creditBalance,
    clients_count: clientsCount,
  }[q.sort];
  return [q.dir === 'asc' ? asc(by) : desc(by), q.dir === 'asc' ? asc(resellers.id) : desc(resellers.id)];
}

/** Live check for the create/edit form: is this subdomain valid and free? */
export async function checkSubdomain(
  db: Db,
  actor: Actor,
  raw: string,
  exceptId?: number,
): Promise<{ subdomain: string; available: boolean; reason: string | null }> {
  assertCan(actor, 'reseller.read');
  const parsed = subdomain.safeParse(raw);
  if (!parsed.success) return { subdomain: raw, available: false, reason: parsed.error.issues[0]?.message ?? 'Not a valid subdomain.' };
  try {
    await assertSubdomainFree(db, parsed.data, exceptId);
    return { subdomain: parsed.data, available: true, reason: null };
  } catch (err) {
    if (err instanceof DomainError) return { subdomain: parsed.data, available: false, reason: err.message };
    throw err;
  }
}

export async function updateReseller(db: Db, actor: Actor, id: number, input: UpdateResellerInput): Promise<ResellerView> {
  assertCan(actor, 'reseller.update');
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  await db.transaction(async (tx) => {
    const [locked] = await tx.select({ id: resellers.id }).from(resellers).where(eq(resellers.id, id)).for('update');
    const before = locked ? await loadReseller(tx, id) : undefined;
    if (!before || before.status === 'archived') throw notFound('Reseller');
    if (input.email && input.email !== before.email) await assertEmailFree(tx, input.email, id);
    if (input.subdomain && input.subdomain !== before.subdomain) await assertSubdomainFree(tx, input.subdomain, id);
    const partnerType = input.partner_type ?? before.partnerType;
    if (input.commission_rate !== undefined && partnerType !== 'commission') {
      throw fieldError('commission_rate', 'Only commission partners have a commission rate.');
    }
    const userSet: Partial<typeof users.$inferInsert> = {};
    if (input.name !== undefined) userSet.name = input.name;
    if (input.email !== undefined) userSet.email = input.email;
    if (input.status !== undefined) userSet.status = input.status;
    if (passwordHash) userSet.passwordHash = passwordHash;
    if (Object.keys(userSet).length) {
      await tx
        .update(users)
        .set({ ...userSet, updatedAt: new Date() })
        .where(eq(users.id, id));
    }
    // Suspension or a new password ends every browser session and API login token.
    if (passwordHash || (input.status && input.status !== before.status)) await endSessions(tx, id);
    const resellerSet: Partial<typeof resellers.$inferInsert> = {};
    if (input.partner_type !== undefined) resellerSet.partnerType = input.partner_type;
    const country = await platformPhoneCountry(tx);
    if (input.phone !== undefined) resellerSet.phone = parseProfilePhone(input.phone, country) ?? '';
    if (input.subdomain !== undefined) resellerSet.subdomain = input.subdomain;
    if ('website' in input) resellerSet.website = input.website ?? null;
    if ('contact_name' in input) resellerSet.contactName = input.contact_name ?? null;
    if ('contact_email' in input) resellerSet.contactEmail = input.contact_email ?? null;
    if ('contact_phone' in input) resellerSet.contactPhone = parseProfilePhone(input.contact_phone, country, 'contact_phone');
    if (input.commission_rate !== undefined) resellerSet.commissionRateBp = Math.round(input.commission_rate * 100);
    if (partnerType === 'own_plans') resellerSet.commissionRateBp = 0;
    if (Object.keys(resellerSet).length) await tx.update(resellers).set(resellerSet).where(eq(resellers.id, id));
    const after = await loadReseller(tx, id);
    const { password: _p, ...safe } = input;
    await writeAudit(
      tx,
      actor,
      input.status && Object.keys(input).length === 1
        ? `reseller.${input.status === 'active' ? 'unsuspend' : 'suspend'}`
        : 'reseller.update',
      { type: 'reseller', id },
      before && resellerView(before),
      after && { ...resellerView(after), changed: Object.keys(safe) },
    );
  });
  return getReseller(db, actor, id);
}

/** Throws when the reseller cannot act (suspended or archived); used by the reseller guards. */
export function assertResellerActive(status: string): void {
  if (status !== 'active') throw new DomainError('account_suspended', 'This account is suspended.');
}
