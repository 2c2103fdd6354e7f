import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { apiTokens, clients, resellers, users } from '@/db/schema';
import { dummyHash, verifyPassword } from '@/lib/auth/password';
import type { Actor, Role } from '@/lib/auth/permissions';
import { hashToken, newToken } from '@/lib/auth/tokens';
import { DomainError } from '@/lib/errors';
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
}

export async function actorFromToken(db: Db, token: string, role: Role, ip: string | null, now = new Date()): Promise<TokenActor> {
  const [row] = await db
    .select({
      tokenId: apiTokens.id,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      expiresAt: apiTokens.expiresAt,
      userId: users.id,
      role: users.role,
      status: users.status,
      rateLimit: resellers.apiRateLimit,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .leftJoin(resellers, eq(resellers.id, users.id))
    // Pairing tokens only register phones; they never act as the account.
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), inArray(apiTokens.kind, ['session', 'api_key'])));
  if (!row || row.role !== role || row.status === 'archived') {
    throw new DomainError('unauthorized', 'Missing or invalid credentials.');
  }
  // Checked before revocation: suspending revokes the account's login tokens, and their holder must
  // still be told why (403 account_suspended), not just be logged out.
  if (row.status !== 'active') throw new DomainError('account_suspended', 'This account is suspended.');
  if (row.revokedAt || (row.expiresAt && row.expiresAt <= now)) {
    throw new DomainError('unauthorized', 'Missing or invalid credentials.');
  }
  // last_used_at is informative: write it at most once a minute per token.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.tokenId));
  }
  return { userId: row.userId, role: row.role, ip, tokenId: row.tokenId, rateLimit: row.rateLimit };
}
