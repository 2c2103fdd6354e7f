import 'server-only';
// The Auth.js session cookie read directly (issue 12). `auth()` in a server component runs Auth.js's whole
// session action for every call: a Request, the CSRF cookie's digest, the HKDF key derivation and the JWT
// decrypted, then encrypted again into a refreshed cookie that a server render cannot even set — about a
// third of a page's server CPU, twice a page (the guard and the language). This decrypts the same token with
// the same keys: the derived key and its thumbprint are computed once per secret and cookie name, and the
// JWE (dir + A256CBC-HS512, what Auth.js writes) is checked and opened by jose, as Auth.js's decode does. Anything else (another `enc`) goes through Auth.js's own decode. Same cookie choice as
// Auth.js: the __Secure- name when the request's URL (AUTH_URL, else x-forwarded-proto, else https) is https.
import { createHash, hkdfSync } from 'node:crypto';
import { decodeProtectedHeader, jwtDecrypt } from 'jose';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { claimsOf, type SessionClaims } from './claims';

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
  raw: Uint8Array;
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
      return { raw: new Uint8Array(k), kid };
    });
    keys.set(id, hit);
  }
  return hit;
}

/** The token's claims, or null when it is not one of ours (wrong key, altered, expired, not yet valid). */
export async function decodeSessionToken(token: string, salt: string, nowS = Date.now() / 1000): Promise<Record<string, unknown> | null> {
  let header: { alg?: string; enc?: string; kid?: string };
  try {
    header = decodeProtectedHeader(token);
  } catch {
    return null;
  }
  if (header.alg !== 'dir') return null;
  if (header.enc !== 'A256CBC-HS512') {
    const { decode } = await import('next-auth/jwt');
    const payload = await decode({ token, secret: secrets(), salt }).catch(() => null);
    return payload as Record<string, unknown> | null;
  }
  const key = keysFor(salt).find((k) => header.kid === undefined || header.kid === k.kid);
  if (!key) return null;
  // A token already opened with this key is not opened again (a browser sends the same cookie with every
  // request): its claims are kept, and only its times are checked again, as jose checks them.
  const memoKey = `${key.kid}.${token}`;
  const seen = opened.get(memoKey);
  if (seen) return timesValid(seen, nowS) ? seen : null;
  // The JWE itself (the MAC, the decryption, exp/nbf/iat) is jose's, the library Auth.js writes it with.
  try {
    const { payload } = await jwtDecrypt(token, key.raw, {
      clockTolerance: CLOCK_TOLERANCE_S,
      currentDate: new Date(nowS * 1000),
      keyManagementAlgorithms: ['dir'],
      contentEncryptionAlgorithms: ['A256CBC-HS512'],
    });
    if (opened.size >= OPENED_MAX) opened.delete(opened.keys().next().value as string);
    opened.set(memoKey, payload);
    return payload as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** Tokens opened by this process, by key id and token (oldest first; a few MB at most). */
const opened = new Map<string, Record<string, unknown>>();
const OPENED_MAX = 5_000;

/** jose's time checks (exp, nbf, with the same tolerance) for claims it has already accepted once. */
function timesValid(p: Record<string, unknown>, nowS: number): boolean {
  if (typeof p.exp === 'number' && p.exp <= nowS - CLOCK_TOLERANCE_S) return false;
  if (typeof p.nbf === 'number' && p.nbf > nowS + CLOCK_TOLERANCE_S) return false;
  return true;
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
  const chunks = all.filter((c) => (c.name === name || /^\.\d+$/.test(c.name.slice(name.length))) && c.name.startsWith(name) && c.value);
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
  return claimsOf(t);
});
