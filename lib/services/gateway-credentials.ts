import 'server-only';
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { apiTokens, clients, gatewayCredentials, pairingCodes, users } from '@/db/schema';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import { hashToken, newToken } from '@/lib/auth/tokens';
import { DomainError } from '@/lib/errors';
import { writeAudit } from './audit';
import { deriveStatus } from './clients';
import { currentSubscriptions } from './subscriptions';

const LOGIN_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const PASSWORD_ALPHABET = 'abcdefghijkmnopqrstuvwxyz23456789';
const CODE_TTL_MS = 10 * 60_000;

const pick = (alphabet: string, n: number) => Array.from(randomBytes(n), (b) => alphabet[b % alphabet.length]).join('');

export interface GatewayCredentials {
  login: string;
  password: string;
  mobile_api_url: string;
  third_party_api_url: string;
}

export function gatewayUrls(origin: string) {
  return { mobile_api_url: `${origin}/api/mobile/v1`, third_party_api_url: `${origin}/api/3rdparty/v1` };
}

/**
 * Issues a new login/password pair for the Android app (private-server mode) and its 3rd-party API.
 * The password is shown once and stored hashed; issuing again replaces the old pair.
 */
export async function issueGatewayCredentials(db: Db, actor: Actor, origin: string): Promise<GatewayCredentials> {
  assertCan(actor, 'device.manage');
  const password = pick(PASSWORD_ALPHABET, 14);
  const passwordHash = await hashPassword(password);
  const login = await db.transaction(async (tx) => {
    const [existing] = await tx.select().from(gatewayCredentials).where(eq(gatewayCredentials.clientId, actor.userId)).for('update');
    let login = existing?.login;
    if (!login) {
      for (let i = 0; i < 5 && !login; i++) {
        const candidate = pick(LOGIN_ALPHABET, 6);
        const [taken] = await tx
          .select({ c: gatewayCredentials.clientId })
          .from(gatewayCredentials)
          .where(eq(gatewayCredentials.login, candidate));
        if (!taken) login = candidate;
      }
      if (!login) throw new Error('could not find a free gateway login');
      await tx.insert(gatewayCredentials).values({ clientId: actor.userId, login, passwordHash });
    } else {
      await tx.update(gatewayCredentials).set({ passwordHash, createdAt: new Date() }).where(eq(gatewayCredentials.clientId, actor.userId));
    }
    await writeAudit(tx, actor, 'gateway.credentials_issue', { type: 'client', id: actor.userId }, null, { login });
    return login;
  });
  return { login, password, ...gatewayUrls(origin) };
}

export async function gatewayLoginOf(db: Db, clientId: number): Promise<string | null> {
  const [r] = await db
    .select({ login: gatewayCredentials.login })
    .from(gatewayCredentials)
    .where(eq(gatewayCredentials.clientId, clientId));
  return r?.login ?? null;
}

// Verified login/password pairs, keyed by a hash of both and of the stored hash, so the 3rd-party API's
// every request does not cost an argon2 verification; issuing new credentials changes the stored hash and
// so misses the cache at once. Only successes are kept.
const verified = new Map<string, number>();
const VERIFIED_TTL_MS = 10 * 60_000;

/** Basic login:password of the app or the 3rd-party API → the client, or null. */
export async function clientFromGatewayLogin(db: Db, login: string, password: string): Promise<number | null> {
  const [r] = await db.select().from(gatewayCredentials).where(eq(gatewayCredentials.login, login.toUpperCase()));
  if (!r) return null;
  const key = createHash('sha256').update(`${r.clientId}\n${r.passwordHash}\n${password}`).digest('base64');
  const until = verified.get(key);
  if (until !== undefined && until > Date.now()) return r.clientId;
  if (!(await verifyPassword(r.passwordHash, password))) return null;
  if (verified.size > 10_000) verified.clear();
  verified.set(key, Date.now() + VERIFIED_TTL_MS);
  return r.clientId;
}

/**
 * The gateway login of a client that may use it now: a suspended account, or one whose trial or
 * subscription has ended, is refused (403) — phones already paired keep reporting through their tokens.
 */
export async function activeGatewayClient(db: Db, login: string, password: string, now = new Date()): Promise<number> {
  const clientId = await clientFromGatewayLogin(db, login, password);
  if (clientId === null) throw new DomainError('unauthorized', 'Invalid gateway login or password.');
  await assertGatewayClientActive(db, clientId, now);
  return clientId;
}

/** 403 for a suspended or expired client (every gateway credential: Basic login, JWT access token). */
export async function assertGatewayClientActive(db: Db, clientId: number, now = new Date()): Promise<void> {
  const [c] = await db
    .select({ trialEndsAt: clients.trialEndsAt, userStatus: users.status })
    .from(clients)
    .innerJoin(users, eq(users.id, clients.id))
    .where(eq(clients.id, clientId));
  if (!c) throw new DomainError('unauthorized', 'Invalid gateway login or password.');
  const sub = (await currentSubscriptions(db, [clientId], now)).get(clientId);
  const status = deriveStatus(c.userStatus, c.trialEndsAt, sub, now);
  if (status === 'suspended') throw new DomainError('account_suspended', 'This account is suspended.');
  if (status === 'expired')
    throw new DomainError('subscription_expired', 'The trial or subscription has ended. Contact your provider to renew.');
}

/** A one-time pairing code (`Authorization: Code <code>`), valid 10 minutes, stored hashed. */
export async function issuePairingCode(db: Db, clientId: number, now = new Date()): Promise<{ code: string; valid_until: string }> {
  // 12 digits: 10^12 codes, against 5 wrong tries per address in 15 minutes (docs/device-protocol.md).
  const code = String(randomInt(0, 1_000_000_000_000)).padStart(12, '0');
  const expiresAt = new Date(now.getTime() + CODE_TTL_MS);
  await db.insert(pairingCodes).values({ clientId, codeHash: hashToken(code), expiresAt });
  return { code, valid_until: expiresAt.toISOString() };
}

/** Uses up a pairing code: the client it belongs to, or null when unknown, used or expired. */
export async function consumePairingCode(tx: Db, code: string, now = new Date()): Promise<number | null> {
  const [r] = await tx
    .update(pairingCodes)
    .set({ usedAt: now })
    .where(and(eq(pairingCodes.codeHash, hashToken(code.trim())), isNull(pairingCodes.usedAt), gt(pairingCodes.expiresAt, now)))
    .returning({ clientId: pairingCodes.clientId });
  return r?.clientId ?? null;
}

/**
 * A pairing token: lets phones register for this client (Bearer on POST /api/mobile/v1/device, the
 * app's "private token" field) and nothing else. Shown once; issuing a new one revokes the old.
 */
export async function issuePairingToken(db: Db, actor: Actor): Promise<{ token: string; created_at: string }> {
  assertCan(actor, 'device.manage');
  const { token, hash, display } = newToken('pair');
  const now = new Date();
  await db.transaction(async (tx) => {
    await tx
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(eq(apiTokens.userId, actor.userId), eq(apiTokens.kind, 'pairing'), isNull(apiTokens.revokedAt)));
    await tx
      .insert(apiTokens)
      .values({ userId: actor.userId, kind: 'pairing', name: 'Device pairing', tokenHash: hash, prefix: display, createdAt: now });
    await writeAudit(tx, actor, 'gateway.pairing_token_issue', { type: 'client', id: actor.userId }, null, { prefix: display });
  });
  return { token, created_at: now.toISOString() };
}

/**
 * PATCH /mobile/v1/user/password (the app's change-password screen): the signed-in phone's account gets a
 * new gateway password once the current one is proven (401 otherwise). Paired phones keep their tokens.
 */
export async function changeGatewayPassword(db: Db, clientId: number, input: { currentPassword: string; newPassword: string }) {
  const [r] = await db.select().from(gatewayCredentials).where(eq(gatewayCredentials.clientId, clientId));
  if (!r || !(await verifyPassword(r.passwordHash, input.currentPassword)))
    throw new DomainError('unauthorized', 'The current password is wrong.');
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(gatewayCredentials).set({ passwordHash, createdAt: new Date() }).where(eq(gatewayCredentials.clientId, clientId));
    await writeAudit(tx, { userId: clientId, role: 'client' }, 'gateway.password_change', { type: 'client', id: clientId }, null, {
      via: 'app',
    });
  });
}
