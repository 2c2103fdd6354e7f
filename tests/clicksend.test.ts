// The ClickSend-compatible reseller API (docs/ARCHITECTURE.md#rules-apis, shared/reference/clicksend-reseller-api.md): HTTP Basic
// (reseller email + API key), ClickSend's envelope with HTTP status == http_code, ClickSend's list format.
import { count, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { POST as createAccount, GET as listAccounts } from '@/app/v3/reseller/accounts/route';
import type { DbHandle } from '@/db';
import { clients } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { revokeApiKey } from '@/lib/services/api-keys';
import { getClient } from '@/lib/services/clients';
import { useTestDbForRoutes } from './helpers/db';
import { makeAdmin, makeClient, makeReseller, suspendUser, uid } from './helpers/fixtures';
import { assertLedgerInvariant } from './helpers/invariants';
import { apiKeyFor, basicAuth, callClickSend } from './helpers/reseller-keys';
import { tokenFor } from './helpers/sessions';

let h: DbHandle;
let admin: Actor;
beforeAll(async () => {
  h = await useTestDbForRoutes();
  admin = await makeAdmin(h.db);
});
afterEach(async () => {
  await assertLedgerInvariant(h.db);
});
afterAll(async () => {
  await h.close();
});

type Account = Record<string, unknown> & { user_id: number; balance: string };

/** A reseller with an API key and its Basic credentials. */
async function csReseller(credit = 0) {
  const made = await makeReseller(h.db, admin, { credit });
  const { id: keyId, key } = await apiKeyFor(h.db, made.actor);
  return { ...made, id: made.reseller.id, key, keyId, auth: basicAuth(made.reseller.email, key) };
}
const account = (over: Record<string, unknown> = {}) => ({
  username: `johndoe${uid()}`,
  password: 'pass-123',
  user_email: `john-${uid()}@awesome.example`,
  user_phone: '518-481-1002',
  user_first_name: 'John',
  user_last_name: 'Doe',
  account_name: 'The Awesome Company',
  country: 'US',
  ...over,
});
const clientCount = async (resellerId: number) =>
  (await h.db.select({ n: count() }).from(clients).where(eq(clients.resellerId, resellerId)))[0].n;

describe('authentication', () => {
  test('missing or wrong credentials are 401 with http_code 401', async () => {
    const r = await csReseller();
    const other = await csReseller();
    const session = await tokenFor(h.db, r.id, 'reseller', r.password);
    const bad: (string | null)[] = [
      null,
      `Bearer ${r.key}`,
      'Basic !!!not-base64!!!',
      basicAuth(r.reseller.email, ''),
      basicAuth('', r.key),
      basicAuth(r.reseller.email, `${r.key}x`),
      basicAuth(other.reseller.email, r.key),
      basicAuth(r.reseller.email, session),
      basicAuth(r.reseller.email, r.password),
      `Basic ${Buffer.from(`${r.reseller.email}${r.key}`).toString('base64')}`,
    ];
    for (const auth of bad) {
      const res = await callClickSend(listAccounts, 'GET', '/v3/reseller/accounts', auth);
      expect(res.env).toMatchObject({ http_code: 401, response_code: 'INVALID_CREDENTIALS', data: null });
    }
    const post = await callClickSend(createAccount, 'POST', '/v3/reseller/accounts', null, { body: account() });
    expect(post.status).toBe(401);
    expect(await clientCount(r.id)).toBe(0);
    // The email is case-insensitive.
    expect(
      (await callClickSend(listAccounts, 'GET', '/v3/reseller/accounts', basicAuth(r.reseller.email.toUpperCase(), r.key))).status,
    ).toBe(200);
  });

  test("a client's API key is not a reseller credential", async () => {
    const r = await csReseller();
    const { client, actor } = await makeClient(h.db, r.actor);
    const { key } = await apiKeyFor(h.db, actor);
    expect((await callClickSend(listAccounts, 'GET', '/v3/reseller/accounts', basicAuth(client.email, key))).status).toBe(401);
  });

  test('a revoked key is 401 at once; a suspended reseller is 403', async () => {
    const r = await csReseller();
    expect((await callClickSend(listAccounts, 'GET', '/v3/reseller/accounts', r.auth)).status).toBe(200);
    await revokeApiKey(h.db, r.actor, r.keyId);
    expect((await callClickSend(listAccounts, 'GET', '/v3/reseller/accounts', r.auth)).env).toMatchObject({
      http_code: 401,
      response_code: 'INVALID_CREDENTIALS',
    });

    const s = await csReseller();
    await suspendUser(h.db, s.id);
    expect((await callClickSend(listAccounts, 'GET', '/v3/reseller/accounts', s.auth)).env).toMatchObject({
      http_code: 403,
      response_code: 'FORBIDDEN',
    });
    expect((await callClickSend(createAccount, 'POST', '/v3/reseller/accounts', s.auth, { body: account() })).status).toBe(403);
    expect(await clientCount(s.id)).toBe(0);
  });
});

describe('POST /v3/reseller/accounts', () => {
  test('all eight fields: 200 SUCCESS with the account; the client is in trial under this reseller', async () => {
    const r = await csReseller();
    const body = account({ user_email: `John-${uid()}@Awesome.Example` });
    const res = await callClickSend(createAccount, 'POST', '/v3/reseller/accounts', r.auth, { body });
    expect(res.env).toMatchObject({ http_code: 200, response_code: 'SUCCESS', response_msg: expect.any(String) });
    const data = res.env.data as Account;
    expect(data).toMatchObject({
      user_id: expect.any(Number),
      username: body.username,
      user_email: String(body.user_email).toLowerCase(),
      balance: '0.000000',
      // Stored in E.164, read in the account's country (US).
      user_phone: '+15184811002',
      user_first_name: 'John',
      user_last_name: 'Doe',
      account_name: 'The Awesome Company',
      country: 'US',
      active: 1,
      banned: 0,
      balance_commission: '0.000000',
      _currency: { currency_name_short: 'MMK', currency_prefix_d: expect.any(String), currency_name_long: expect.any(String) },
      status: 'trial',
    });
    expect(res.text).not.toContain('pass-123');
    const c = await getClient(h.db, r.actor, data.user_id);
    expect(c).toMatchObject({ reseller_id: r.id, status: 'trial', email: data.user_email, name: 'John Doe' });
  });

  test('a country that is not a two-letter code is kept as sent', async () => {
    const r = await csReseller();
    const res = await callClickSend(createAccount, 'POST', '/v3/reseller/accounts', r.auth, {
      body: account({ country: 'Myanmar', user_phone: '09 420 000 202' }),
    });
    expect((res.env.data as Account).country).toBe('Myanmar');
    const mm = await callClickSend(createAccount, 'POST', '/v3/reseller/accounts', r.auth, {
      body: account({ country: 'mm', user_phone: '09 420 000 202' }),
    });
    expect((mm.env.data as Account).country).toBe('MM');
  });

  test('missing or bad fields: 400 with http_code 400, nothing created', async () => {
    const r = await csReseller();
    const full = account();
    for (const field of Object.keys(full)) {
      const body: Record<string, unknown> = { ...full };
      delete body[field];
      const res = await callClickSend(createAccount, 'POST', '/v3/reseller/accounts', r.auth, { body });
      expect(res.env).toMatchObject({ http_code: 400, response_code: 'MISSING_REQUIRED_FIELDS' });
      expect(Object.keys((res.env.data as { fields: object }).fields)).toEqual([field]);
    }
    for (const opts of [
      { body: {} },
      { body: account({ user_email: 'nope' }) },
      { body: account({ password: '123' }) },
      { rawBody: '{"username":' },
    ]) {
      expect((await callClickSend(createAccount, 'POST', '/v3/reseller/accounts', r.auth, opts)).env.http_code).toBe(400);
    }
    expect(await clientCount(r.id)).toBe(0);
  });

  test('a taken email is 400 ALREADY_EXISTS', async () => {
    const r = await csReseller();
    const other = await csReseller();
    const email = `dup-${uid()}@awesome.example`;
    expect(
      (await callClickSend(createAccount, 'POST', '/v3/reseller/accounts', r.auth, { body: account({ user_email: email }) })).status,
    ).toBe(200);
    for (const [who, user_email] of [
      [r, email.toUpperCase()],
      [other, email],
      [r, other.reseller.email],
    ] as const) {
      const res = await callClickSend(createAccount, 'POST', '/v3/reseller/accounts', who.auth, { body: account({ user_email }) });
      expect(res.env).toMatchObject({ http_code: 400, response_code: 'ALREADY_EXISTS' });
    }
    expect([await clientCount(r.id), await clientCount(other.id)]).toEqual([1, 0]);
  });
});

describe('GET /v3/reseller/accounts', () => {
  test("ClickSend's list format: 15 per page by default, limit clamped to 15..100, own accounts only", async () => {
    const r = await csReseller();
    const other = await csReseller();
    await makeClient(h.db, other.actor);
    const empty = await callClickSend(listAccounts, 'GET', '/v3/reseller/accounts', r.auth);
    expect(empty.env.data).toEqual({
      total: 0,
      per_page: 15,
      current_page: 1,
      last_page: 1,
      next_page_url: null,
      prev_page_url: null,
      from: null,
      to: null,
      data: [],
    });

    const made = await Promise.all(Array.from({ length: 17 }, () => makeClient(h.db, r.actor)));
    const ids = made.map((m) => m.client.id);
    const list = async (query: Record<string, string | number> = {}) => {
      const res = await callClickSend(listAccounts, 'GET', '/v3/reseller/accounts', r.auth, { query });
      expect(res.env).toMatchObject({ http_code: 200, response_code: 'SUCCESS' });
      return res.env.data as Record<string, unknown> & { data: Account[] };
    };
    const first = await list();
    expect({ ...first, data: first.data.length }).toEqual({
      total: 17,
      per_page: 15,
      current_page: 1,
      last_page: 2,
      next_page_url: expect.stringContaining('page=2'),
      prev_page_url: null,
      from: 1,
      to: 15,
      data: 15,
    });
    const second = await list({ page: 2 });
    expect({ ...second, data: second.data.length }).toMatchObject({
      current_page: 2,
      last_page: 2,
      next_page_url: null,
      prev_page_url: expect.stringContaining('page=1'),
      from: 16,
      to: 17,
      data: 2,
    });
    expect([...first.data, ...second.data].map((a) => a.user_id).sort()).toEqual([...ids].sort());
    expect(first.data[0]).toMatchObject({ balance: '0.000000', _currency: { currency_name_short: 'MMK' } });

    expect((await list({ limit: 5 })).per_page).toBe(15);
    expect((await list({ limit: 1 })).per_page).toBe(15);
    const big = await list({ limit: 500 });
    expect({ per_page: big.per_page, n: big.data.length, last: big.last_page, to: big.to }).toEqual({
      per_page: 100,
      n: 17,
      last: 1,
      to: 17,
    });
    expect((await list({ limit: 20 })).per_page).toBe(20);
    // Past the last page: an empty page, like ClickSend's (Laravel's) paginator.
    expect(await list({ page: 3 })).toMatchObject({ total: 17, current_page: 3, data: [], from: null, to: null, next_page_url: null });
    expect((await callClickSend(listAccounts, 'GET', '/v3/reseller/accounts', r.auth, { query: { page: 0 } })).env.http_code).toBe(400);
    expect((await callClickSend(listAccounts, 'GET', '/v3/reseller/accounts', r.auth, { query: { limit: 'many' } })).env.http_code).toBe(
      400,
    );
  });
});
