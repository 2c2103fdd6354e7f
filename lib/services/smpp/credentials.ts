import 'server-only';
import { randomInt } from 'node:crypto';
import { BlockList, isIPv4 } from 'node:net';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { smppAccounts, users } from '@/db/schema';
import { dummyHash, hashPassword, verifyPassword } from '@/lib/auth/password';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import { notFound } from '@/lib/errors';
import type { SmppAccountUpdate } from '@/lib/validation/smpp';
import { writeAudit } from '../audit';
import { smppLimits } from './limits';

// SMPP 3.4 field sizes: system_id 16 and password 9 octets with their terminating NUL. Kannel cuts longer values.
export const SYSTEM_ID_MAX = 15;
export const PASSWORD_MAX = 8;
const SYSTEM_ID_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const PASSWORD_ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

const pick = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[randomInt(alphabet.length)]).join('');

export interface SmppEndpoint {
  host: string;
  port: number | null;
  tls_port: number | null;
}

export interface SmppAccountView extends SmppEndpoint {
  system_id: string;
  allowed_ips: string[];
  throughput: number;
  max_binds: number;
  created_at: string;
  password_changed_at: string;
}

type Account = typeof smppAccounts.$inferSelect;

async function view(db: Db, a: Account, endpoint: SmppEndpoint): Promise<SmppAccountView> {
  const limits = await smppLimits(db, a.clientId);
  return {
    system_id: a.systemId,
    ...endpoint,
    allowed_ips: a.allowedIps,
    throughput: limits.throughput,
    max_binds: limits.maxBinds,
    created_at: a.createdAt.toISOString(),
    password_changed_at: a.passwordChangedAt.toISOString(),
  };
}

/**
 * New SMPP credentials for the client: a system_id (kept across resets) and an 8-character password, shown
 * once and stored hashed. A new call replaces the password; binds made with the old one are closed.
 */
export async function issueSmppCredentials(
  db: Db,
  actor: Actor,
  endpoint: SmppEndpoint,
  now = new Date(),
): Promise<SmppEndpoint & { system_id: string; password: string }> {
  assertCan(actor, 'smpp.manage');
  const password = pick(PASSWORD_ALPHABET, PASSWORD_MAX);
  const passwordHash = await hashPassword(password);
  const systemId = await db.transaction(async (tx) => {
    const [existing] = await tx.select().from(smppAccounts).where(eq(smppAccounts.clientId, actor.userId)).for('update');
    if (existing) {
      await tx
        .update(smppAccounts)
        .set({ passwordHash, passwordChangedAt: now, updatedAt: now })
        .where(eq(smppAccounts.clientId, actor.userId));
      await writeAudit(tx, actor, 'smpp.credentials_reset', { type: 'client', id: actor.userId }, null, { system_id: existing.systemId });
      return existing.systemId;
    }
    for (let i = 0; i < 8; i++) {
      const candidate = pick(SYSTEM_ID_ALPHABET, 8);
      const [taken] = await tx.select({ c: smppAccounts.clientId }).from(smppAccounts).where(eq(smppAccounts.systemId, candidate));
      if (taken) continue;
      await tx
        .insert(smppAccounts)
        .values({ clientId: actor.userId, systemId: candidate, passwordHash, passwordChangedAt: now, createdAt: now, updatedAt: now });
      await writeAudit(tx, actor, 'smpp.credentials_issue', { type: 'client', id: actor.userId }, null, { system_id: candidate });
      return candidate;
    }
    throw new Error('could not find a free SMPP system_id');
  });
  return { system_id: systemId, password, ...endpoint };
}

/** The client's SMPP account (without the password), or null before credentials were issued. */
export async function findSmppAccount(db: Db, actor: Actor, endpoint: SmppEndpoint): Promise<SmppAccountView | null> {
  assertCan(actor, 'smpp.manage');
  const [a] = await db.select().from(smppAccounts).where(eq(smppAccounts.clientId, actor.userId));
  return a ? view(db, a, endpoint) : null;
}

export async function getSmppAccount(db: Db, actor: Actor, endpoint: SmppEndpoint): Promise<SmppAccountView> {
  const a = await findSmppAccount(db, actor, endpoint);
  if (!a) throw notFound('SMPP account');
  return a;
}

/** Limits binds to IP ranges (empty: any address). Binds from outside a new list are closed. */
export async function updateSmppAccount(db: Db, actor: Actor, input: SmppAccountUpdate, endpoint: SmppEndpoint, now = new Date()) {
  assertCan(actor, 'smpp.manage');
  const allowed = [...new Set(input.allowed_ips)];
  const a = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(smppAccounts).where(eq(smppAccounts.clientId, actor.userId)).for('update');
    if (!before) throw notFound('SMPP account');
    const [after] = await tx
      .update(smppAccounts)
      .set({ allowedIps: allowed, updatedAt: now })
      .where(eq(smppAccounts.clientId, actor.userId))
      .returning();
    await writeAudit(
      tx,
      actor,
      'smpp.ip_ranges',
      { type: 'client', id: actor.userId },
      { allowed_ips: before.allowedIps },
      { allowed_ips: allowed },
    );
    return after;
  });
  return view(db, a, endpoint);
}

/** `::ffff:1.2.3.4` (an IPv4 peer on a dual-stack socket) → `1.2.3.4`. */
export function plainIp(ip: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return m ? m[1] : ip;
}

/** Whether a remote address is inside the account's ranges (every address when there are none). */
export function ipAllowed(ranges: string[], ip: string): boolean {
  if (!ranges.length) return true;
  const list = new BlockList();
  for (const r of ranges) {
    const [addr, bits] = r.split('/');
    list.addSubnet(addr, Number(bits), isIPv4(addr) ? 'ipv4' : 'ipv6');
  }
  const peer = plainIp(ip);
  return list.check(peer, isIPv4(peer) ? 'ipv4' : 'ipv6');
}

export type BindCheck = { ok: true; clientId: number; passwordChangedAt: Date } | { ok: false; reason: 'password' | 'ip' | 'suspended' };

/**
 * system_id + password of a bind → the client. An unknown system_id costs the same argon2 verification and
 * gets the same answer as a wrong password, so binds cannot tell which system_ids exist.
 */
export async function checkBindCredentials(db: Db, systemId: string, password: string, ip: string): Promise<BindCheck> {
  const [a] = await db
    .select({ account: smppAccounts, status: users.status })
    .from(smppAccounts)
    .innerJoin(users, eq(users.id, smppAccounts.clientId))
    .where(eq(smppAccounts.systemId, systemId.trim().toUpperCase()));
  const ok = await verifyPassword(a?.account.passwordHash ?? (await dummyHash()), password);
  if (!a || !ok) return { ok: false, reason: 'password' };
  if (a.status !== 'active') return { ok: false, reason: 'suspended' };
  if (!ipAllowed(a.account.allowedIps, ip)) return { ok: false, reason: 'ip' };
  return { ok: true, clientId: a.account.clientId, passwordChangedAt: a.account.passwordChangedAt };
}
