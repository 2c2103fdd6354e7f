// Security posture (issue 6 §3): the per-request script nonce and the headers, secrets kept out of the
// logs, sign-in lockout that answers the same for emails that exist and emails that don't, and a password
// change that ends the account's other sessions and login tokens. Browser-side checks (the CSP holding in
// Chromium, cookie flags, server-action CSRF) are in e2e/security.spec.ts.
import { eq, sql } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, onTestFinished, test, vi } from 'vitest';
import type { DbHandle } from '@/db';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { errorResponse } from '@/lib/http/errors';
import { redact } from '@/lib/log';
import { changeOwnPassword } from '@/lib/services/account';
import nextConfig from '@/next.config';
import { proxy, config as proxyConfig } from '@/proxy';
import { useTestDbForRoutes } from './helpers/db';
import { makeAdmin, makeClient, makeReseller, uid } from './helpers/fixtures';
import { call, expectError, type RouteHandler } from './helpers/http';

let h: DbHandle;
let admin: Actor;
beforeAll(async () => {
  h = await useTestDbForRoutes();
  admin = await makeAdmin(h.db);
});
afterAll(async () => {
  await h.close();
});

describe('Content-Security-Policy', () => {
  const page = (path: string) => proxy(new NextRequest(new URL(`http://localhost${path}`)));
  const scriptSrc = (csp: string) => csp.split('; ').find((d) => d.startsWith('script-src ')) ?? '';

  test('every page answer gets a fresh nonce; scripts need it, inline and eval are not allowed', () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const res = page('/reseller/clients');
      const csp = res.headers.get('content-security-policy') ?? '';
      const m = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp);
      expect(m, csp).not.toBeNull();
      expect(Buffer.from(m![1], 'base64')).toHaveLength(16);
      nonces.add(m![1]);
      expect(scriptSrc(csp)).toBe(`script-src 'self' 'nonce-${m![1]}' 'strict-dynamic'`);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'self'");
      // Next reads the nonce from the forwarded request headers and stamps it on its scripts.
      expect(res.headers.get('x-middleware-request-content-security-policy')).toBe(csp);
      expect(res.headers.get('x-middleware-request-x-nonce')).toBe(m![1]);
    }
    expect(nonces.size).toBe(20);
  });

  test('the proxy runs on pages, not on API routes, static files or the sandboxed brand logos', () => {
    const source = new RegExp(`^${proxyConfig.matcher[0].source as string}$`);
    for (const p of ['/', '/login', '/reseller/clients', '/client/send', '/admin', '/docs/api']) expect(source.test(p), p).toBe(true);
    for (const p of ['/api/v1/sms/send', '/v3/reseller/accounts', '/brand/acme/logo', '/_next/static/chunks/a.js'])
      expect(source.test(p), p).toBe(false);
  });

  test('API answers: a policy that runs nothing; every answer: nosniff, no framing, referrer policy, HSTS', async () => {
    const rules = await nextConfig.headers!();
    const all = Object.fromEntries(rules.find((r) => r.source === '/:path*')!.headers.map((x) => [x.key, x.value]));
    expect(all).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
    });
    // No page-wide static CSP: it would carry no nonce and need 'unsafe-inline'.
    expect(all['Content-Security-Policy']).toBeUndefined();
    for (const source of ['/api/:path*', '/v3/:path*']) {
      const r = rules.find((x) => x.source === source);
      expect(r?.headers).toEqual([{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" }]);
    }
  });
});

describe('secrets never reach the log', () => {
  test('a failed query carrying a password, a token and a webhook secret is logged without them', async () => {
    const secrets = ['hunter2-correct-horse', `sess_${'A'.repeat(43)}`, `whsec_${'b'.repeat(32)}`];
    const logged: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(' '));
    });
    try {
      for (const s of secrets) {
        // A real driver error: PostgreSQL echoes the value it could not parse, Drizzle lists the params.
        const err = await h.db.execute(sql`select ${s}::int`).then(
          () => null,
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(Error);
        expect(String((err as Error).message) + String((err as { cause?: Error }).cause?.message)).toContain(s);
        const res = errorResponse(err);
        expect(res.status).toBe(500);
        expect(await res.text()).not.toContain(s);
      }
    } finally {
      spy.mockRestore();
    }
    expect(logged).toHaveLength(3);
    for (const line of logged) {
      for (const s of secrets) expect(line).not.toContain(s);
      expect(line).toContain('[redacted]');
      // What is left still says what failed.
      expect(line).toMatch(/unhandled error in API route: .*Failed query: select \$1::int/);
    }
  });

  test('redaction covers the credential shapes the platform handles', () => {
    const cases: [string, string][] = [
      ['authorization: Bearer rk_abcdefghijklmnopqrstuvwxyz012345', 'rk_abcdefghijklmnopqrstuvwxyz012345'],
      ['Authorization: Basic dXNlcjpwYXNzd29yZA==', 'dXNlcjpwYXNzd29yZA=='],
      ['postgres://app:s3cr3t-pw@db.internal:5432/sms', 's3cr3t-pw'],
      ['{"email":"a@b.c","password":"p@ss-w0rd!"}', 'p@ss-w0rd!'],
      ['password=plain-text-pw&email=a', 'plain-text-pw'],
      ['hash $argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA', 'c2FsdA$aGFzaA'],
      ['device token dv_0123456789abcdefghijklmnop', '0123456789abcdefghijklmnop'],
    ];
    for (const [text, secret] of cases) expect(redact(text), text).not.toContain(secret);
    // Ordinary text is left alone.
    expect(redact('client 42 activated starter_pro')).toBe('client 42 activated starter_pro');
  });
});

describe('sign-in lockout', () => {
  let login: RouteHandler;
  beforeAll(async () => {
    // The suite runs with the limit raised; this file puts the production limit back.
    vi.stubEnv('LOGIN_RATE_LIMIT', '10');
    vi.resetModules();
    login = (await import('@/app/api/reseller/auth/login/route')).POST as RouteHandler;
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  test('12 wrong passwords for an email that exists and for one that does not: the same answers', async () => {
    const { setDbHandle } = await import('@/db');
    setDbHandle(h);
    // The limits count in fixed windows (15 min per email, 30 s for the slowdown): on a loaded machine the 25
    // attempts could straddle a window's end and start over (CI saw the right password let in). The clock
    // stands still at the start of the current 15-minute window for this test; timers still run.
    const { LOGIN_WINDOW_MS } = await import('@/lib/http/login-limits');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Math.floor(Date.now() / LOGIN_WINDOW_MS) * LOGIN_WINDOW_MS + 1_000);
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const { reseller } = await makeReseller(h.db, admin);
    const attempt = (email: string, i: number) =>
      call(login, 'POST', '/api/reseller/auth/login', {
        body: { email, password: `wrong-${i}` },
        headers: { 'x-forwarded-for': `10.77.${Math.floor(Math.random() * 250)}.${i}` },
      });
    const run = async (email: string) => {
      const out: string[] = [];
      for (let i = 0; i < 12; i++) {
        const a = await attempt(email, i);
        out.push(`${a.status} ${a.json.error?.code} ${a.json.error?.message?.replace(/\d+ s\b/, 'N s')}`);
      }
      return out;
    };
    const existing = await run(reseller.email);
    const unknown = await run(`nobody-${uid()}@test.local`);
    expect(existing).toEqual(unknown);
    expect(existing.slice(0, 10)).toEqual(Array(10).fill('401 invalid_credentials Email or password is incorrect.'));
    expect(existing.slice(10)).toEqual(Array(2).fill('429 rate_limited Too many requests. Try again in N s.'));
    // Locked out means locked out: the right password is refused too until the window ends.
    const right = await call(login, 'POST', '/api/reseller/auth/login', {
      body: { email: reseller.email, password: 'reseller-pass-1' },
      headers: { 'x-forwarded-for': '10.78.0.1' },
    });
    expectError(right, 429, 'rate_limited');
  });
});

describe('a password change ends the other sessions', () => {
  const sessionVersion = async (id: number) => {
    const [u] = await h.db.select({ sv: users.sessionVersion }).from(users).where(eq(users.id, id));
    return u.sv;
  };
  test('the client changes its own password: its API login tokens stop working, API keys keep working', async () => {
    const { setDbHandle } = await import('@/db');
    setDbHandle(h);
    const { actor: reseller } = await makeReseller(h.db, admin);
    const { client, actor, password } = await makeClient(h.db, reseller);
    const { POST: clientLogin } = await import('@/app/api/v1/auth/login/route');
    const { GET: profile } = await import('@/app/api/v1/profile/route');
    const { createApiKey } = await import('@/lib/services/api-keys');
    const a = await call(clientLogin, 'POST', '/api/v1/auth/login', { body: { email: client.email, password } });
    const b = await call(clientLogin, 'POST', '/api/v1/auth/login', { body: { email: client.email, password } });
    const key = await createApiKey(h.db, actor, 'integration');
    for (const t of [a.json.token, b.json.token, key.key])
      expect((await call(profile, 'GET', '/api/v1/profile', { token: String(t) })).status).toBe(200);
    const before = await sessionVersion(client.id);

    await changeOwnPassword(h.db, actor, { current: password, next: 'a-brand-new-pass-1' });

    for (const t of [a.json.token, b.json.token])
      expectError(await call(profile, 'GET', '/api/v1/profile', { token: String(t) }), 401, 'unauthorized');
    expect((await call(profile, 'GET', '/api/v1/profile', { token: key.key })).status).toBe(200);
    // Browser sessions carry the session version; the bump signs every other browser out.
    expect(await sessionVersion(client.id)).toBe(before + 1);
    expectError(
      await call(clientLogin, 'POST', '/api/v1/auth/login', { body: { email: client.email, password } }),
      401,
      'invalid_credentials',
    );
    expect(
      (await call(clientLogin, 'POST', '/api/v1/auth/login', { body: { email: client.email, password: 'a-brand-new-pass-1' } })).status,
    ).toBe(200);
  });

  test('a wrong current password is a field error and changes nothing', async () => {
    const { actor: reseller } = await makeReseller(h.db, admin);
    const { client, actor } = await makeClient(h.db, reseller);
    const before = await sessionVersion(client.id);
    await expect(changeOwnPassword(h.db, actor, { current: 'not-it', next: 'another-pass-1' })).rejects.toMatchObject({
      code: 'validation_failed',
      details: { fields: { current_password: ['The current password is not correct.'] } },
    });
    expect(await sessionVersion(client.id)).toBe(before);
  });
});
