// Sign-in throttling (lib/http/login-limits.ts, docs/ARCHITECTURE.md#sign-in): failures count, successes do
// not; an address is refused before any hashing once it has used up its failures; a lockout is per (email,
// address), so the owner signing in from an address they used before still gets in; guessing one email from
// many addresses is slowed to one attempt per 30 s; argon2 runs at most ARGON2_CONCURRENCY at a time.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { POST as clientLogin } from '@/app/api/v1/auth/login/route';
import type { DbHandle } from '@/db';
import { argon2Stats, hashPassword, verifyPassword } from '@/lib/auth/password';
import type { Actor } from '@/lib/auth/permissions';
import { REFUSAL_DELAY_MS, SLOWDOWN_MS } from '@/lib/http/login-limits';
import { useTestDbForRoutes } from './helpers/db';
import { makeAdmin, makeClient, makeReseller } from './helpers/fixtures';
import { call } from './helpers/http';
import { freshIp, fromIp } from './helpers/peer';

let h: DbHandle;
let admin: Actor;
beforeAll(async () => {
  h = await useTestDbForRoutes();
  admin = await makeAdmin(h.db);
});
afterAll(async () => {
  await h.close();
});
const saved = process.env.LOGIN_RATE_LIMIT;
beforeEach(() => {
  process.env.LOGIN_RATE_LIMIT = '10';
});
afterEach(() => {
  if (saved === undefined) delete process.env.LOGIN_RATE_LIMIT;
  else process.env.LOGIN_RATE_LIMIT = saved;
});

async function client() {
  const r = await makeReseller(h.db, admin);
  const c = await makeClient(h.db, r.actor);
  return { email: c.client.email, password: c.password };
}
const signIn = (email: string, password: string, ip: string) =>
  call(clientLogin, 'POST', '/api/v1/auth/login', { body: { email, password }, headers: fromIp(ip) });

describe('failures count, successes do not', () => {
  test('11 people signing in correctly from one address within 15 minutes all get in', async () => {
    const ip = freshIp();
    const people = await Promise.all(Array.from({ length: 11 }, () => client()));
    for (const p of people) expect((await signIn(p.email, p.password, ip)).status, p.email).toBe(200);
    // And the same person 11 times.
    for (let i = 0; i < 11; i++) expect((await signIn(people[0].email, people[0].password, ip)).status).toBe(200);
  });

  test('10 failures from an address: the 11th attempt is 429 with retry_after, unchecked (no argon2 run) and late', async () => {
    const ip = freshIp();
    const a = await client();
    for (let i = 0; i < 10; i++) expect((await signIn(`nobody-${i}@example.com`, 'wrong-password', ip)).status).toBe(401);
    const before = argon2Stats().total;
    const t0 = Date.now();
    const res = await signIn(a.email, a.password, ip);
    expect(res.status).toBe(429);
    // Answered late (a tarpit), so a spray from one address cannot loop on cheap refusals.
    expect(Date.now() - t0).toBeGreaterThanOrEqual(REFUSAL_DELAY_MS - 50);
    expect(res.json.error?.details.retry_after).toBeGreaterThan(0);
    expect(argon2Stats().total).toBe(before);
    // Another address is not affected.
    expect((await signIn(a.email, a.password, freshIp())).status).toBe(200);
  });
});

describe('nobody can lock the owner out', () => {
  test('10 wrong passwords for an email from one address lock that address only; the owner gets in from theirs', async () => {
    const owner = await client();
    const home = freshIp();
    expect((await signIn(owner.email, owner.password, home)).status).toBe(200);
    const attacker = freshIp();
    for (let i = 0; i < 10; i++) expect((await signIn(owner.email, `guess-${i}`, attacker)).status).toBe(401);
    expect((await signIn(owner.email, 'guess-x', attacker)).status).toBe(429);
    expect((await signIn(owner.email, owner.password, home)).status).toBe(200);
  });

  test('guessing one email from many addresses is slowed to one attempt per 30 s from new addresses; known addresses are not', async () => {
    const owner = await client();
    const home = freshIp();
    expect((await signIn(owner.email, owner.password, home)).status).toBe(200);
    // 10 failures, each from another address (a botnet): no address reaches its own limit.
    for (let i = 0; i < 10; i++) expect((await signIn(owner.email, `guess-${i}`, freshIp())).status).toBe(401);
    // Now a new address gets one attempt per SLOWDOWN_MS: at most one of two back-to-back attempts is checked.
    const two = [await signIn(owner.email, 'guess-a', freshIp()), await signIn(owner.email, 'guess-b', freshIp())];
    const refused = two.filter((r) => r.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(Number(refused[0].json.error?.details.retry_after)).toBeLessThanOrEqual(SLOWDOWN_MS / 1000);
    // The owner at the address they signed in from before is not slowed.
    for (let i = 0; i < 3; i++) expect((await signIn(owner.email, owner.password, home)).status).toBe(200);
  });
});

describe('argon2 runs a bounded number at a time', () => {
  test('20 verifications at once never run more than the limit together, and all finish', async () => {
    const stored = await hashPassword('some-password-1');
    const base = argon2Stats();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => verifyPassword(stored, i === 0 ? 'some-password-1' : 'x')));
    expect(results.filter(Boolean)).toHaveLength(1);
    const after = argon2Stats();
    expect(after.maxActive).toBeLessThanOrEqual(after.limit);
    expect(after.total - base.total).toBe(20);
    expect(after.active).toBe(0);
  });

  test('past the waiting room a verification is refused with 429 at once instead of queued', async () => {
    const stored = await hashPassword('some-password-2');
    const settled = await Promise.allSettled(Array.from({ length: 100 }, () => verifyPassword(stored, 'x')));
    const refused = settled.filter((s) => s.status === 'rejected');
    expect(refused.length).toBeGreaterThan(0);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'rate_limited', details: { retry_after: 1 } });
    expect(argon2Stats().active).toBe(0);
  });
});
