import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { type Db, perHandle } from '@/db';
import { apiTokens, clients, resellers, users } from '@/db/schema';
import { dummyHash, verifyPassword } from '@/lib/auth/password';
import type { Actor, Role } from '@/lib/auth/permissions';
import { hashToken, newToken } from '@/lib/auth/tokens';
import { DomainError } from '@/lib/errors';
import { apiLimitPerMinute, bucketHitSql, windowStartOf } from '@/lib/http/rate-limit';
import type { Credentials } from '@/lib/validation/common';
import { findUserByEmail } from './users';

export const SESSION_TOKEN_TTL_MS = 24 * 3_600_000;

export type User = typeof users.$inferSelect;

/**
 * Checks an email and password. Unknown email and wrong password give the same error (and the same
 * argon2 work), so the answer does not reveal which emails exist. A suspended account is refused.
 */
export async function verifyCredentials(db: Db, creds: Credentials, role?: Role): Promise<User> {
  const user = await findUserByEmail(db, creds.email);
  const ok = user
    ? await verifyPassword(user.passwordHash, creds.password)
    : await verifyPassword(await dummyHash(), creds.password).then(() => false);
  if (!user || !ok || (role && user.role !== role) || user.status === 'archived') {
    throw new DomainError('invalid_credentials', 'Email or password is incorrect.');
  }
  if (user.status !== 'active') throw new DomainError('account_suspended', 'This account is suspended.');
  await db.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
  return user;
}

/**
 * Sign-in on a reseller's subdomain: that reseller itself and its own clients get in there. Anyone else,
 * with the right password, is told this page is not theirs (wrong_portal); a wrong password is the usual
 * "incorrect" whatever the account, so nothing about other tenants' accounts leaks.
 */
export async function verifyCredentialsOnBrand(db: Db, creds: Credentials, brandResellerId: number | null): Promise<User> {
  const user = await verifyCredentials(db, creds);
  if (brandResellerId === null) return user;
  if (user.role === 'reseller' && user.id === brandResellerId) return user;
  const [c] =
    user.role === 'client' ? await db.select({ resellerId: clients.resellerId }).from(clients).where(eq(clients.id, user.id)) : [];
  if (c?.resellerId !== brandResellerId) throw new DomainError('wrong_portal', 'This sign-in page is for another brand’s clients.');
  return user;
}

export interface LoginResult {
  token: string;
  token_type: 'Bearer';
  expires_at: string;
  user: User;
}

/** API login: a Bearer token (random 32 bytes, stored hashed) valid for 24 hours. */
export async function loginWithPassword(db: Db, creds: Credentials, role: Role, now = new Date()): Promise<LoginResult> {
  const user = await verifyCredentials(db, creds, role);
  const { token, hash, display } = newToken('sess');
  const expiresAt = new Date(now.getTime() + SESSION_TOKEN_TTL_MS);
  await db.insert(apiTokens).values({ userId: user.id, kind: 'session', name: 'API login', tokenHash: hash, prefix: display, expiresAt });
  return { token, token_type: 'Bearer', expires_at: expiresAt.toISOString(), user };
}

/**
 * Resolves a Bearer token to the acting user: unknown, revoked or expired → 401; another role's token
 * → 401; a suspended account → 403. Re-read on every request, so suspension takes effect at once.
 */
export interface TokenActor extends Actor {
  tokenId: number;
  /** Requests per minute allowed for this token (a reseller's own setting, else the platform default). */
  rateLimit: number | null;
  /** This request's count in the token's rate-limit bucket (api:token:<id>, a minute), counted by the lookup. */
  hits: number;
}

export async function actorFromToken(db: Db, token: string, role: Role, ip: string | null, now = new Date()): Promise<TokenActor> {
  // One statement on every API request: the token and its account; for a token that may act, the
  // request counted in its rate-limit bucket (the caller settles it, lib/http/pipeline/core.ts) and
  // last_used_at, which is informative, written at most once a minute per token. Pairing tokens only
  // register phones; they never act as the account. A prepared query, built once per database handle.
  const [row] = await tokenLookup(db).execute({
    ts: now.toISOString(),
    hash: hashToken(token),
    role,
    defaultLimit: apiLimitPerMinute(),
    windowStart: windowStartOf(now, 60_000),
  });
  if (!row || row.role !== role || row.status === 'archived') {
    throw new DomainError('unauthorized', 'Missing or invalid credentials.');
  }
  // Checked before revocation: suspending revokes the account's login tokens, and their holder must
  // still be told why (403 account_suspended), not just be logged out.
  if (row.status !== 'active') throw new DomainError('account_suspended', 'This account is suspended.');
  if (row.dead) throw new DomainError('unauthorized', 'Missing or invalid credentials.');
  const rateLimit = row.rate_limit === null ? null : Number(row.rate_limit);
  return { userId: Number(row.user_id), role: row.role, ip, tokenId: Number(row.token_id), rateLimit, hits: Number(row.hits ?? 1) };
}

const tokenLookup = perHandle(buildTokenLookup);

/** actorFromToken's statement with placeholders (ts, hash, role, defaultLimit, windowStart). */
function buildTokenLookup(db: Db) {
  const p = (name: string) => sql.placeholder(name);
  const t = db
    .$with('t', {
      token_id: sql<number>`token_id`.as('token_id'),
      user_id: sql<number>`user_id`.as('user_id'),
      role: sql<Role>`role`.as('role'),
      status: sql<User['status']>`status`.as('status'),
      rate_limit: sql<number | null>`rate_limit`.as('rate_limit'),
      dead: sql<boolean>`dead`.as('dead'),
    })
    .as(sql`select a.id as token_id, a.last_used_at, u.id as user_id, u.role, u.status, r.api_rate_limit as rate_limit,
        (a.revoked_at is not null or (a.expires_at is not null and a.expires_at <= ${p('ts')}::timestamptz)) as dead
      from ${apiTokens} a join ${users} u on u.id = a.user_id left join ${resellers} r on r.id = u.id
      where a.token_hash = ${p('hash')} and a.kind in ('session', 'api_key')`);
  const ok = db.$with('ok', {}).as(sql`select * from t where role = ${p('role')} and status = 'active' and not dead`);
  const used = db.$with('used', {}).as(sql`update ${apiTokens} set last_used_at = ${p('ts')}::timestamptz
      where id = (select token_id from ok) and (last_used_at is null or last_used_at < ${p('ts')}::timestamptz - interval '60 seconds')
      returning 1`);
  const hit = db
    .$with('hit', {})
    .as(
      bucketHitSql(
        sql`select 'api:token:' || token_id as bucket, coalesce(rate_limit, ${p('defaultLimit')}::int) as "limit" from ok`,
        p('windowStart'),
      ),
    );
  return db
    .with(t, ok, used, hit)
    .select({
      token_id: t.token_id,
      user_id: t.user_id,
      role: t.role,
      status: t.status,
      rate_limit: t.rate_limit,
      dead: t.dead,
      hits: sql<number | null>`(select count from hit)`,
    })
    .from(t)
    .prepare('token_lookup');
}
