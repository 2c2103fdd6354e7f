import 'server-only';
import { and, desc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { type SmppBindMode, smppAccounts, smppBinds, users } from '@/db/schema';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import { type SmppLimits, smppLimits } from './limits';

/** A bind whose instance has not refreshed it for this long is gone (the instance died or lost the database). */
export const BIND_STALE_MS = 60_000;

export interface OpenBind {
  id: string;
  clientId: number;
  instanceId: string;
  mode: SmppBindMode;
  remoteIp: string;
  systemType: string;
  tls: boolean;
}

/**
 * Records a bind if the client has a bind left: one transaction holding the client's SMPP account row, so
 * binds arriving together on several instances never exceed the package's maximum.
 */
export async function openBind(
  db: Db,
  b: OpenBind,
  now = new Date(),
): Promise<{ ok: true; limits: SmppLimits } | { ok: false; limits: SmppLimits }> {
  return db.transaction(async (tx) => {
    await tx.select({ id: smppAccounts.clientId }).from(smppAccounts).where(eq(smppAccounts.clientId, b.clientId)).for('update');
    const limits = await smppLimits(tx, b.clientId, now);
    const fresh = new Date(now.getTime() - BIND_STALE_MS);
    await tx.delete(smppBinds).where(and(eq(smppBinds.clientId, b.clientId), lt(smppBinds.lastSeenAt, fresh)));
    const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(smppBinds).where(eq(smppBinds.clientId, b.clientId));
    if (n >= limits.maxBinds) return { ok: false as const, limits };
    await tx.insert(smppBinds).values({ ...b, boundAt: now, lastSeenAt: now });
    return { ok: true as const, limits };
  });
}

export async function closeBind(db: Db, id: string): Promise<void> {
  await db.delete(smppBinds).where(eq(smppBinds.id, id));
}

export interface BindState {
  clientId: number;
  status: string;
  allowedIps: string[];
  passwordChangedAt: Date;
  limits: SmppLimits;
}

/**
 * The heartbeat of an instance's binds: refreshes them with their counters (re-inserting a row that was
 * swept while the instance could not reach the database) and answers what each bound client's account says
 * now, so the instance can close binds whose password was reset, whose address left the allowed ranges or
 * whose account was suspended, and pick up a changed throughput.
 */
export async function refreshBinds(
  db: Db,
  binds: (OpenBind & { submitted: number; delivered: number; boundAt: Date })[],
  now = new Date(),
): Promise<Map<number, BindState>> {
  const out = new Map<number, BindState>();
  if (!binds.length) return out;
  await db
    .insert(smppBinds)
    .values(binds.map((b) => ({ ...b, lastSeenAt: now })))
    .onConflictDoUpdate({
      target: smppBinds.id,
      set: { lastSeenAt: now, submitted: sql`excluded.submitted`, delivered: sql`excluded.delivered` },
    });
  const ids = [...new Set(binds.map((b) => b.clientId))];
  const accounts = await db
    .select({
      clientId: smppAccounts.clientId,
      allowedIps: smppAccounts.allowedIps,
      passwordChangedAt: smppAccounts.passwordChangedAt,
      status: users.status,
    })
    .from(smppAccounts)
    .innerJoin(users, eq(users.id, smppAccounts.clientId))
    .where(inArray(smppAccounts.clientId, ids));
  for (const a of accounts) out.set(a.clientId, { ...a, limits: await smppLimits(db, a.clientId, now) });
  return out;
}

export interface BindView {
  id: string;
  mode: SmppBindMode;
  ip: string;
  system_type: string;
  tls: boolean;
  submitted: number;
  delivered: number;
  bound_at: string;
  last_seen_at: string;
}

/** GET /api/v1/smpp/binds: the client's live binds on every instance. */
export async function listBinds(db: Db, actor: Actor, now = new Date()): Promise<BindView[]> {
  assertCan(actor, 'smpp.manage');
  const rows = await db
    .select()
    .from(smppBinds)
    .where(and(eq(smppBinds.clientId, actor.userId), gt(smppBinds.lastSeenAt, new Date(now.getTime() - BIND_STALE_MS))))
    .orderBy(desc(smppBinds.boundAt));
  return rows.map((b) => ({
    id: b.id,
    mode: b.mode,
    ip: b.remoteIp,
    system_type: b.systemType,
    tls: b.tls,
    submitted: b.submitted,
    delivered: b.delivered,
    bound_at: b.boundAt.toISOString(),
    last_seen_at: b.lastSeenAt.toISOString(),
  }));
}
