import 'server-only';
// The Auth.js session cookie read directly (issue 12). `auth()` in a server component runs Auth.js's whole
// session action for every call: a Request, the CSRF cookie's digest, the HKDF key derivation and the JWT
// decrypted, then encrypted again into a refreshed cookie that a server render cannot even set — about a
// third of a page's server CPU, twice a page (the guard and the language). This decrypts the same token with
// the same keys: the derived key and its thumbprint are computed once per secret and cookie name, and the
// JWE (dir + A256CBC-HS512, RFC 7518 §5.2, what Auth.js writes) is checked and opened with node:crypto in a
// few microseconds. Anything else (another `enc`) goes through Auth.js's own decode. Same cookie choice as
// Auth.js: the __Secure- name when the request's URL (AUTH_URL, else x-forwarded-proto, else https) is https.
import { createDecipheriv, createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import type { Role } from './permissions';

/** What the session callback of lib/auth/auth.ts makes of the token. */
export interface SessionClaims {
  uid: number;
  role: Role;
  sv: number;
  sid: string;
  sat: number;
}

const COOKIE = 'authjs.session-token';
const CLOCK_TOLERANCE_S = 15; // as Auth.js's decode

function secrets(env: Record<string, string | undefined> = process.env): string[] {
  // next-auth's order: AUTH_SECRET (or NEXTAUTH_SECRET), with AUTH_SECRET_1..3 in front of it.
  const out: string[] = [];
  const main = env.AUTH_SECRET ?? env.NEXTAUTH_SECRET;
  if (main) out.push(main);
  for (const i of [1, 2, 3]) {
    const s = env[`AUTH_SECRET_${i}`];
    if (s) out.unshift(s);
  }
  return out;
}

interface Key {
  mac: Buffer;
  enc: Buffer;
  kid: string;
}
const keys = new Map<string, Key[]>();

/** Auth.js's key for a cookie name: HKDF-SHA256(secret, salt = name), 64 bytes; kid = its JWK thumbprint. */
function keysFor(salt: string): Key[] {
  const all = secrets();
  const id = `${salt}\n${all.join('\n')}`;
  let hit = keys.get(id);
  if (!hit) {
    hit = all.map((secret) => {
      const k = Buffer.from(hkdfSync('sha256', secret, salt, `Auth.js Generated Encryption Key (${salt})`, 64));
      const kid = createHash('sha512')
        .update(`{"k":"${k.toString('base64url')}","kty":"oct"}`)
        .digest('base64url');
      return { mac: k.subarray(0, 32), enc: k.subarray(32), kid };
    });
    keys.set(id, hit);
  }
  return hit;
}

/** The token's claims, or null when it is not one of ours (wrong key, altered, expired, not yet valid). */
export async function decodeSessionToken(token: string, salt: string, nowS = Date.now() / 1000): Promise<Record<string, unknown> | null> {
  const parts = token.split('.');
  if (parts.length !== 5) return null;
  const [h, encryptedKey, iv64, ct64, tag64] = parts;
  let header: { alg?: string; enc?: string; kid?: string; zip?: string; crit?: unknown };
  try {
    header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (header.alg !== 'dir' || encryptedKey !== '' || header.zip !== undefined || header.crit !== undefined) return null;
  if (header.enc !== 'A256CBC-HS512') {
    const { decode } = await import('next-auth/jwt');
    const payload = await decode({ token, secret: secrets(), salt }).catch(() => null);
    return payload as Record<string, unknown> | null;
  }
  const key = keysFor(salt).find((k) => header.kid === undefined || header.kid === k.kid);
  if (!key) return null;
  const iv = Buffer.from(iv64, 'base64url');
  const ct = Buffer.from(ct64, 'base64url');
  const tag = Buffer.from(tag64, 'base64url');
  if (iv.length !== 16 || tag.length !== 32 || ct.length === 0 || ct.length % 16 !== 0) return null;
  const aad = Buffer.from(h, 'ascii');
  const al = Buffer.alloc(8);
  al.writeBigUInt64BE(BigInt(aad.length * 8));
  const mac = createHmac('sha512', key.mac).update(aad).update(iv).update(ct).update(al).digest().subarray(0, 32);
  if (!timingSafeEqual(mac, tag)) return null;
  let claims: unknown;
  try {
    const d = createDecipheriv('aes-256-cbc', key.enc, iv);
    claims = JSON.parse(Buffer.concat([d.update(ct), d.final()]).toString('utf8'));
  } catch {
    return null;
  }
  if (!claims || typeof claims !== 'object' || Array.isArray(claims)) return null;
  const c = claims as Record<string, unknown>;
  if (c.exp !== undefined && (typeof c.exp !== 'number' || c.exp <= nowS - CLOCK_TOLERANCE_S)) return null;
  if (c.nbf !== undefined && (typeof c.nbf !== 'number' || c.nbf > nowS + CLOCK_TOLERANCE_S)) return null;
  if (c.iat !== undefined && typeof c.iat !== 'number') return null;
  return c;
}

/** The cookie Auth.js reads for this request: its name and value, chunks (`name.0`, `name.1`…) joined in order. */
export function sessionCookie(
  all: { name: string; value: string }[],
  h: { get(name: string): string | null },
  env: Record<string, string | undefined> = process.env,
): { name: string; value: string } | null {
  const envUrl = env.AUTH_URL ?? env.NEXTAUTH_URL;
  const proto = envUrl ? new URL(envUrl).protocol : `${(h.get('x-forwarded-proto') ?? 'https').replace(/:$/, '')}:`;
  const name = proto === 'https:' ? `__Secure-${COOKIE}` : COOKIE;
  const chunks = all.filter((c) => c.name.startsWith(name) && c.value);
  if (!chunks.length) return null;
  const suffix = (n: string) => Number.parseInt(n.split('.').pop() || '0', 10);
  chunks.sort((a, b) => suffix(a.name) - suffix(b.name));
  return { name, value: chunks.map((c) => c.value).join('') };
}

/** This request's session claims (once per server render), as the session callback of lib/auth/auth.ts gives them. */
export const sessionClaims = cache(async (): Promise<SessionClaims | null> => {
  const [jar, h] = await Promise.all([cookies(), headers()]);
  const cookie = sessionCookie(jar.getAll(), h);
  if (!cookie) return null;
  const t = await decodeSessionToken(cookie.value, cookie.name);
  if (!t) return null;
  return {
    uid: Number(t.uid),
    role: t.role as Role,
    sv: Number(t.sv),
    sid: typeof t.sid === 'string' ? t.sid : '',
    sat: Number(t.sat ?? 0),
  };
});
