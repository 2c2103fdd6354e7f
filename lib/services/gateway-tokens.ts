import 'server-only';
// JWT access tokens of the 3rd-party API, as the app's server issues them (docs/device-protocol.md §4):
// POST /auth/token {scopes, ttl} with the gateway login → a Bearer token limited to those scopes; DELETE
// /auth/token/:jti revokes it. Signed HS256 with a key derived from AUTH_SECRET; every use also checks the
// token's row, so a revoked token stops at once.
import { createHmac } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import type { Db } from '@/db';
import { gatewayTokens } from '@/db/schema';
import { DomainError, notFound } from '@/lib/errors';
import { GATEWAY_SCOPES, type GatewayScope } from '@/lib/validation/thirdparty';
import { newId } from './ids';

export { GATEWAY_SCOPES, type GatewayScope };

export const DEFAULT_TOKEN_TTL_S = 3_600;
/** A longer ttl is shortened to this, as the app server caps it at its configured access TTL. */
export const MAX_TOKEN_TTL_S = 86_400;
const ISSUER = 'sms-platform/3rdparty';

function key(): Uint8Array {
  const secret = process.env.AUTH_SECRET ?? 'dev-only-secret';
  return createHmac('sha256', secret).update('gateway-jwt').digest();
}

export interface TokenAnswer {
  id: string;
  token_type: 'Bearer';
  access_token: string;
  expires_at: string;
}

export async function issueGatewayToken(
  db: Db,
  clientId: number,
  input: { scopes: GatewayScope[]; ttl?: number },
  now = new Date(),
): Promise<TokenAnswer> {
  const ttl = Math.min(input.ttl || DEFAULT_TOKEN_TTL_S, MAX_TOKEN_TTL_S);
  const id = newId();
  const expiresAt = new Date(Math.floor(now.getTime() / 1000) * 1000 + ttl * 1000);
  const scopes = [...new Set(input.scopes)];
  await db.insert(gatewayTokens).values({ id, clientId, scopes, expiresAt, createdAt: now });
  const token = await new SignJWT({ scopes })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(ISSUER)
    .setSubject(String(clientId))
    .setJti(id)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(key());
  return { id, token_type: 'Bearer', access_token: token, expires_at: expiresAt.toISOString() };
}

export async function revokeGatewayToken(db: Db, clientId: number, jti: string, now = new Date()): Promise<void> {
  const [row] = await db
    .update(gatewayTokens)
    .set({ revokedAt: now })
    .where(and(eq(gatewayTokens.id, jti), eq(gatewayTokens.clientId, clientId)))
    .returning({ id: gatewayTokens.id });
  if (!row) throw notFound('Token');
}

/** Looks like a JWT (three base64url parts): the 3rd-party API's Bearer form. */
export const isJwt = (token: string): boolean => /^[\w-]+\.[\w-]+\.[\w-]+$/.test(token);

/**
 * A Bearer token → its client, when it is valid, not revoked, and grants `scope` (null: any scope).
 * 401 for a bad, expired or revoked token; 403 for a missing scope.
 */
export async function verifyGatewayToken(db: Db, token: string, scope: GatewayScope | null, now = new Date()): Promise<number> {
  let payload: { sub?: string; jti?: string; scopes?: unknown };
  try {
    ({ payload } = await jwtVerify(token, key(), { issuer: ISSUER, algorithms: ['HS256'], currentDate: now }));
  } catch (err) {
    if (err instanceof joseErrors.JOSEError) throw new DomainError('unauthorized', 'Invalid or expired token.');
    throw err;
  }
  const [row] = payload.jti ? await db.select().from(gatewayTokens).where(eq(gatewayTokens.id, payload.jti)) : [];
  if (!row || row.revokedAt || String(row.clientId) !== payload.sub || row.expiresAt <= now)
    throw new DomainError('unauthorized', 'Invalid or revoked token.');
  if (scope && !row.scopes.includes('all:any') && !row.scopes.includes(scope))
    throw new DomainError('forbidden', `This token lacks the ${scope} scope.`, { scope });
  return row.clientId;
}
