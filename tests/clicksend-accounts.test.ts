// The ClickSend-compatible reseller API, one account and the credit transfer: GET / PUT
// /v3/reseller/accounts/{id} and PUT /v3/reseller/transfer-credit (authentication, creation and lists: clicksend.test.ts).
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { GET as getAccount, PUT as putAccount } from '@/app/v3/reseller/accounts/[id]/route';
import { POST as createAccount } from '@/app/v3/reseller/accounts/route';
import { PUT as transferPut } from '@/app/v3/reseller/transfer-credit/route';
import type { DbHandle } from '@/db';
import { resellers } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { getClient } from '@/lib/services/clients';
import { useTestDbForRoutes } from './helpers/db';
import { makeAdmin, makeClient, makeReseller, uid } from './helpers/fixtures';
import { assertLedgerInvariant, moneyFootprint } from './helpers/invariants';
import { apiKeyFor, basicAuth, callClickSend } from './helpers/reseller-keys';

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
const creditOf = async (id: number) => (await h.db.select({ b: resellers.creditBalance }).from(resellers).where(eq(resellers.id, id)))[0].b;

describe('GET / PUT /v3/reseller/accounts/{id}', () => {
  test("own account: 200; another reseller's or a malformed id: 404 envelope", async () => {
    const r = await csReseller();
    const other = await csReseller();
    const { client } = await makeClient(h.db, r.actor);
    const own = await callClickSend(getAccount, 'GET', `/v3/reseller/accounts/${client.id}`, r.auth, { id: client.id });
    expect(own.env).toMatchObject({ http_code: 200, data: { user_id: client.id, user_email: client.email, username: client.email } });
    for (const id of [client.id, 'abc', 2_000_000_000]) {
      const res = await callClickSend(getAccount, 'GET', `/v3/reseller/accounts/${id}`, other.auth, { id });
      expect(res.env).toMatchObject({ http_code: 404, response_code: 'NOT_FOUND' });
      expect(res.text).not.toContain(client.email);
    }
    const put = await callClickSend(putAccount, 'PUT', '/x', other.auth, { id: client.id, body: { user_phone: '+95 9 000 000 000' } });
    expect(put.env.http_code).toBe(404);
    expect((await getClient(h.db, r.actor, client.id)).phone).toBe(client.phone);
  });

  test('PUT is partial: only the fields sent change', async () => {
    const r = await csReseller();
    const created = (await callClickSend(createAccount, 'POST', '/v3/reseller/accounts', r.auth, { body: account() })).env.data as Account;
    const id = created.user_id;
    const res = await callClickSend(putAccount, 'PUT', `/v3/reseller/accounts/${id}`, r.auth, {
      id,
      body: { user_phone: '+95 9 444 555 666' },
    });
    expect(res.env).toMatchObject({ http_code: 200, response_code: 'SUCCESS' });
    const changed = res.env.data as Account;
    expect(changed).toEqual({ ...created, user_phone: '+959444555666', account_billing_mobile: '+959444555666' });

    const renamed = (await callClickSend(putAccount, 'PUT', '/x', r.auth, { id, body: { user_first_name: 'Jane', username: 'jane' } })).env
      .data as Account;
    expect(renamed).toMatchObject({
      user_first_name: 'Jane',
      user_last_name: 'Doe',
      username: 'jane',
      user_phone: '+959444555666',
      account_name: created.account_name,
    });
    expect((await getClient(h.db, r.actor, id)).name).toBe('Jane Doe');

    const bad = await callClickSend(putAccount, 'PUT', '/x', r.auth, { id, body: { user_email: 'not-an-email' } });
    expect(bad.env).toMatchObject({ http_code: 400, response_code: 'MISSING_REQUIRED_FIELDS' });
    expect((await getClient(h.db, r.actor, id)).email).toBe(created.user_email);
  });
});

describe('PUT /v3/reseller/transfer-credit', () => {
  const transfer = (auth: string, body: unknown) => callClickSend(transferPut, 'PUT', '/v3/reseller/transfer-credit', auth, { body });

  test("balance 5000 MMK moves to the client's balance; the reseller's credit drops by 5,000", async () => {
    const r = await csReseller(20_000);
    const { client } = await makeClient(h.db, r.actor);
    const res = await transfer(r.auth, { client_user_id: client.id, balance: 5000, currency: 'MMK' });
    expect(res.env).toMatchObject({ http_code: 200, response_code: 'SUCCESS', data: { user_id: client.id, balance: '5000.000000' } });
    expect(await creditOf(r.id)).toBe(15_000);
    const acc = await callClickSend(getAccount, 'GET', '/x', r.auth, { id: client.id });
    expect((acc.env.data as Account).balance).toBe('5000.000000');
    // Lower-case currency and a numeric-string id, as some clients send them; no currency means ours.
    expect((await transfer(r.auth, { client_user_id: String(client.id), balance: 1000, currency: 'mmk' })).status).toBe(200);
    expect((await transfer(r.auth, { client_user_id: client.id, balance: 1000 })).env.data).toMatchObject({ balance: '7000.000000' });
    expect(await creditOf(r.id)).toBe(13_000);
  });

  test("another currency, bad input, too little credit or another reseller's client: 400/404, nothing changes", async () => {
    const r = await csReseller(3_000);
    const other = await csReseller(50_000);
    const { client } = await makeClient(h.db, r.actor);
    const before = await moneyFootprint(h.db, r.id, client.id);
    const usd = await transfer(r.auth, { client_user_id: client.id, balance: 1000, currency: 'USD' });
    expect(usd.env).toMatchObject({ http_code: 400 });
    for (const body of [
      { balance: 1000 },
      { client_user_id: client.id },
      { client_user_id: client.id, balance: 0 },
      { client_user_id: client.id, balance: 1.5 },
      { client_user_id: client.id, balance: '1000' },
      { client_user_id: 'x', balance: 10 },
    ]) {
      expect((await transfer(r.auth, body)).env.http_code).toBe(400);
    }
    const poor = await transfer(r.auth, { client_user_id: client.id, balance: 5000, currency: 'MMK' });
    expect(poor.env).toMatchObject({ http_code: 400, response_code: 'INSUFFICIENT_CREDIT' });
    const foreign = await transfer(other.auth, { client_user_id: client.id, balance: 1000, currency: 'MMK' });
    expect(foreign.env).toMatchObject({ http_code: 404, response_code: 'NOT_FOUND' });
    expect(await moneyFootprint(h.db, r.id, client.id)).toEqual(before);
    expect(await creditOf(other.id)).toBe(50_000);
  });
});
