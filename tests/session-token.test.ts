// lib/auth/session-token.ts opens the session cookie without Auth.js's session action (issue 12): it must accept
// exactly the tokens Auth.js's own encode writes for that cookie name and secret, and nothing else.
import { decode, encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeSessionToken, sessionCookie } from '@/lib/auth/session-token';

const SECRET = 'test-secret-for-the-session-token-0123456789';
const NAME = 'authjs.session-token';
const claims = { uid: 42, role: 'reseller', sv: 3, sid: 'b5f1c1f4-0000-4000-8000-000000000001', sat: 1_800_000_000, name: 'Ko Aung · ကို' };
const saved = { ...process.env };

beforeAll(() => {
  process.env.AUTH_SECRET = SECRET;
  for (const k of ['AUTH_SECRET_1', 'AUTH_SECRET_2', 'AUTH_SECRET_3', 'NEXTAUTH_SECRET']) delete process.env[k];
});
afterAll(() => {
  process.env = saved;
});

const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);

describe('the session token, opened like Auth.js does', () => {
  it("opens Auth.js's token and gives the same claims as Auth.js's decode", async () => {
    const token = await encode({ token: claims, secret: SECRET, salt: NAME, maxAge: 3600 });
    const ours = await decodeSessionToken(token, NAME);
    expect(ours).toEqual(await decode({ token, secret: SECRET, salt: NAME }));
    expect(ours).toMatchObject(claims);
  });

  it('refuses another secret, another cookie name, an expired token and any altered part', async () => {
    const token = await encode({ token: claims, secret: SECRET, salt: NAME, maxAge: 3600 });
    expect(
      await decodeSessionToken(await encode({ token: claims, secret: 'another-secret-entirely-0123456789', salt: NAME }), NAME),
    ).toBeNull();
    expect(await decodeSessionToken(token, `__Secure-${NAME}`)).toBeNull();
    const expired = await encode({ token: claims, secret: SECRET, salt: NAME, maxAge: 60 });
    expect(await decodeSessionToken(expired, NAME, Date.now() / 1000 + 60 + 16)).toBeNull();
    expect(await decodeSessionToken(expired, NAME, Date.now() / 1000 + 60 + 10)).not.toBeNull(); // 15 s tolerance
    // Opened once, it is kept: its times are still checked on every read.
    expect(await decodeSessionToken(expired, NAME, Date.now() / 1000 + 60 + 16)).toBeNull();
    expect(await decodeSessionToken(expired, NAME, Date.now() / 1000 + 60 + 10)).toMatchObject(claims);
    const parts = token.split('.');
    for (const p of [0, 2, 3, 4]) {
      const bad = parts.map((x, i) => (i === p ? flip(x, Math.floor(x.length / 2)) : x)).join('.');
      expect(await decodeSessionToken(bad, NAME)).toBeNull();
    }
    expect(await decodeSessionToken(parts.slice(0, 4).join('.'), NAME)).toBeNull();
    expect(await decodeSessionToken('not-a-token', NAME)).toBeNull();
  });

  it('finds the key of a rotated secret (AUTH_SECRET_1) by the token’s kid', async () => {
    process.env.AUTH_SECRET_1 = 'the-new-secret-after-rotation-0123456789';
    try {
      const fresh = await encode({ token: claims, secret: process.env.AUTH_SECRET_1, salt: NAME });
      const old = await encode({ token: claims, secret: SECRET, salt: NAME });
      expect(await decodeSessionToken(fresh, NAME)).toMatchObject(claims);
      expect(await decodeSessionToken(old, NAME)).toMatchObject(claims);
    } finally {
      delete process.env.AUTH_SECRET_1;
    }
  });

  it('reads the cookie Auth.js would: __Secure- on https, chunks joined in order', () => {
    const h = (proto: string | null) => ({ get: (n: string) => (n === 'x-forwarded-proto' ? proto : null) });
    const jar = [
      { name: `${NAME}.1`, value: 'BBB' },
      { name: `${NAME}.0`, value: 'AAA' },
      { name: `__Secure-${NAME}`, value: 'SSS' },
      { name: 'other', value: 'x' },
    ];
    expect(sessionCookie(jar, h('http'), {})).toEqual({ name: NAME, value: 'AAABBB' });
    expect(sessionCookie(jar, h('https'), {})).toEqual({ name: `__Secure-${NAME}`, value: 'SSS' });
    expect(sessionCookie(jar, h(null), {})).toEqual({ name: `__Secure-${NAME}`, value: 'SSS' });
    expect(sessionCookie(jar, h('https'), { AUTH_URL: 'http://localhost:3000' })).toEqual({ name: NAME, value: 'AAABBB' });
    expect(sessionCookie([{ name: 'other', value: 'x' }], h('http'), {})).toBeNull();
  });
});
