// Who may call: one authenticator per kind of credential, shared by the families that accept it.
// Each resolves the caller (or throws a DomainError) and names the credential's rate-limit bucket.
import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { apiTokens, resellers, users } from '@/db/schema';
import type { Actor, Role } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { bearerFrom, hashToken } from '@/lib/auth/tokens';
import { DomainError } from '@/lib/errors';
import { actorFromToken } from '@/lib/services/auth';
import { isStorableText } from '../errors';
import { apiLimitPerMinute } from '../rate-limit';
import type { Authenticator, Principal } from './types';

export type Anonymous = { actor: null; limit: null };
export type Signed = { actor: Actor; limit: Principal['limit'] };

/** No credential. */
export const anonymous: Authenticator<Anonymous> = { doc: 'none', authenticate: async () => ({ actor: null, limit: null }) };

/** `Authorization: Bearer <login token or API key>` of an account with this role. */
export function bearer(role: Role): Authenticator<Signed> {
  return {
    doc: role,
    async authenticate(req, { db, ip }) {
      const token = bearerFrom(req.headers.get('authorization'));
      if (!token) throw new DomainError('unauthorized', 'Missing or invalid credentials.');
      const t = await actorFromToken(db, token, role, ip);
      return {
        actor: { userId: t.userId, role: t.role, ip },
        // Counted by the token lookup itself (one statement, lib/services/auth.ts).
        limit: { bucket: `api:token:${t.tokenId}`, perMinute: t.rateLimit ?? apiLimitPerMinute(), counted: t.hits },
      };
    },
  };
}

/** The signed-in browser session of this role (portal downloads); no session → off to /login. */
export function browserSession(role: Role): Authenticator<Signed & { session: SessionUser }> {
  return {
    doc: 'session',
    guard: () => null,
    async authenticate() {
      // Loaded on use: the session guard pulls in Auth.js, which only the browser routes need.
      const { requireRole } = await import('@/lib/auth/session');
      const session = await requireRole(role);
      return { actor: session.actor, session, limit: { bucket: `portal:user:${session.actor.userId}`, perMinute: apiLimitPerMinute() } };
    },
  };
}

/** `Authorization: Basic base64(user:secret)` split into its two halves, or null when it is not that. */
export function basicCredentials(header: string | null): { user: string; secret: string } | null {
  const m = header ? /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header.trim()) : null;
  if (!m) return null;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  return { user: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

/** ClickSend's HTTP Basic: username = the reseller's email, password = one of its API keys. */
export const clicksendBasic: Authenticator<Signed> = {
  doc: 'clicksend',
  async authenticate(req, { db, ip }) {
    const basic = basicCredentials(req.headers.get('authorization'));
    if (!basic) throw new DomainError('unauthorized', 'Send HTTP Basic credentials: your account email and an API key.');
    if (!basic.secret || !isStorableText(basic.user)) throw new DomainError('unauthorized', 'Invalid username or API key.');
    const row = await apiKeyOf(db, basic.user, basic.secret);
    if (row?.role !== 'reseller' || row.status === 'archived') throw new DomainError('unauthorized', 'Invalid username or API key.');
    if (row.status !== 'active') throw new DomainError('account_suspended', 'This account is suspended.');
    if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
      await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.tokenId));
    }
    return {
      actor: { userId: row.userId, role: 'reseller', ip },
      limit: { bucket: `api:token:${row.tokenId}`, perMinute: row.rateLimit ?? apiLimitPerMinute() },
    };
  },
};

async function apiKeyOf(db: Db, email: string, key: string) {
  const [row] = await db
    .select({
      tokenId: apiTokens.id,
      userId: users.id,
      role: users.role,
      status: users.status,
      lastUsedAt: apiTokens.lastUsedAt,
      rateLimit: resellers.apiRateLimit,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .leftJoin(resellers, eq(resellers.id, users.id))
    .where(
      and(
        eq(apiTokens.tokenHash, hashToken(key)),
        eq(apiTokens.kind, 'api_key'),
        isNull(apiTokens.revokedAt),
        eq(sql`lower(${users.email})`, email.trim().toLowerCase()),
      ),
    );
  return row;
}
