// Reseller API keys (docs/ARCHITECTURE.md#rules-apis, #rules-security): shown once, stored only as a hash, work wherever the login token does,
// revocable at once, tenant-scoped.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DELETE as revokeKey } from '@/app/api/reseller/api-keys/[id]/route';
import { POST as createKey, GET as listKeys } from '@/app/api/reseller/api-keys/route';
import { GET as listClientsRoute } from '@/app/api/reseller/clients/route';
import { GET as profileRoute } from '@/app/api/reseller/profile/route';
import type { DbHandle } from '@/db';
import { apiTokens } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { hashToken } from '@/lib/auth/tokens';
import { createApiKey } from '@/lib/services/api-keys';
import { useTestDbForRoutes } from './helpers/db';
import { makeAdmin, makeClient, suspendUser } from './helpers/fixtures';
import { call, expectError, fieldsOf } from './helpers/http';
import { resellerWithToken } from './helpers/sessions';

let h: DbHandle;
let admin: Actor;
beforeAll(async () => {
  h = await useTestDbForRoutes();
  admin = await makeAdmin(h.db);
});
afterAll(async () => {
  await h.close();
});

async function newKey(token: string, name = 'CRM integration') {
  const res = await call(createKey, 'POST', '/api/reseller/api-keys', { token, body: { name } });
  expect(res.status).toBe(201);
  return res;
}
const profileWith = (token: string) => call(profileRoute, 'GET', '/api/reseller/profile', { token });

describe('POST /api/reseller/api-keys', () => {
  test('201 with id, name and the key, which is shown only there', async () => {
    const r = await resellerWithToken(h.db, admin);
    const res = await newKey(r.token, '  CRM integration  ');
    expect(res.json).toMatchObject({
      id: expect.any(Number),
      name: 'CRM integration',
      key: expect.stringMatching(/^rk_[A-Za-z0-9_-]{43}$/),
      revoked_at: null,
    });
    const key = String(res.json.key);
    expect(key.startsWith(String(res.json.prefix))).toBe(true);

    // Stored only as its hash.
    const [row] = await h.db
      .select()
      .from(apiTokens)
      .where(eq(apiTokens.id, Number(res.json.id)));
    expect(row).toMatchObject({ userId: r.id, kind: 'api_key', tokenHash: hashToken(key) });
    expect(JSON.stringify(row)).not.toContain(key);

    const list = await call(listKeys, 'GET', '/api/reseller/api-keys', { token: r.token });
    expect(list.status).toBe(200);
    const data = list.json.data as Record<string, unknown>[];
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({ id: res.json.id, name: 'CRM integration', prefix: res.json.prefix, revoked_at: null });
    expect(data[0]).not.toHaveProperty('key');
    expect(list.text).not.toContain(key);
    expect(list.text).not.toContain(row.tokenHash);
    expect(list.text).not.toMatch(/hash/i);
  });

  test('each key is different; the list holds only API keys, newest first, not login tokens', async () => {
    const r = await resellerWithToken(h.db, admin);
    const a = await newKey(r.token, 'first');
    const b = await newKey(r.token, 'second');
    expect(a.json.key).not.toBe(b.json.key);
    const list = await call(listKeys, 'GET', '/api/reseller/api-keys', { token: r.token });
    expect((list.json.data as { name: string }[]).map((k) => k.name)).toEqual(['second', 'first']);
  });

  test('a missing, empty or too-long name is 400 on name', async () => {
    const r = await resellerWithToken(h.db, admin);
    for (const body of [{}, { name: '' }, { name: '   ' }, { name: 'x'.repeat(81) }, { name: 5 }]) {
      const res = await call(createKey, 'POST', '/api/reseller/api-keys', { token: r.token, body });
      expect(Object.keys(fieldsOf(expectError(res, 400, 'validation_failed')))).toEqual(['name']);
    }
    expect((await call(listKeys, 'GET', '/api/reseller/api-keys', { token: r.token })).json.data).toEqual([]);
  });

  test('without a token: 401', async () => {
    expectError(await call(createKey, 'POST', '/api/reseller/api-keys', { body: { name: 'x' } }), 401, 'unauthorized');
    expectError(await call(listKeys, 'GET', '/api/reseller/api-keys', { token: 'rk_not-a-real-key' }), 401, 'unauthorized');
  });
});

describe('using and revoking a key', () => {
  test('the key works as a Bearer token on the reseller API', async () => {
    const r = await resellerWithToken(h.db, admin, { credit: 12_000 });
    const key = String((await newKey(r.token)).json.key);
    const profile = await profileWith(key);
    expect(profile.status).toBe(200);
    expect(profile.json).toMatchObject({ id: r.id, credit_balance: 12_000 });
    await makeClient(h.db, r.actor);
    const clients = await call(listClientsRoute, 'GET', '/api/reseller/clients', { token: key });
    expect(clients.json.pagination).toMatchObject({ total: 1 });
    const [row] = await h.db
      .select({ used: apiTokens.lastUsedAt })
      .from(apiTokens)
      .where(eq(apiTokens.tokenHash, hashToken(key)));
    expect(row.used).toBeInstanceOf(Date);
  });

  test('DELETE revokes: the key gets 401 at once; the other keys and the login token keep working', async () => {
    const r = await resellerWithToken(h.db, admin);
    const k1 = await newKey(r.token, 'one');
    const k2 = await newKey(r.token, 'two');
    expect((await profileWith(String(k1.json.key))).status).toBe(200);
    const del = await call(revokeKey, 'DELETE', `/api/reseller/api-keys/${k1.json.id}`, { token: r.token, id: Number(k1.json.id) });
    expect(del.status).toBe(200);
    expect(del.json).toMatchObject({ id: k1.json.id, name: 'one', revoked_at: expect.any(String) });
    expect(del.text).not.toContain(String(k1.json.key));
    expectError(await profileWith(String(k1.json.key)), 401, 'unauthorized');
    expect((await profileWith(String(k2.json.key))).status).toBe(200);
    expect((await profileWith(r.token)).status).toBe(200);
    // Revoking again answers the same (revoked) key and changes nothing.
    const again = await call(revokeKey, 'DELETE', '/k', { token: r.token, id: Number(k1.json.id) });
    expect(again.json.revoked_at).toBe(del.json.revoked_at);
    const list = await call(listKeys, 'GET', '/api/reseller/api-keys', { token: r.token });
    expect((list.json.data as { name: string; revoked_at: string | null }[]).map((k) => [k.name, k.revoked_at !== null])).toEqual([
      ['two', false],
      ['one', true],
    ]);
  });

  test('a key can revoke itself', async () => {
    const r = await resellerWithToken(h.db, admin);
    const k = await newKey(r.token);
    const key = String(k.json.key);
    expect((await call(revokeKey, 'DELETE', '/k', { token: key, id: Number(k.json.id) })).status).toBe(200);
    expectError(await profileWith(key), 401, 'unauthorized');
  });

  test('another reseller cannot revoke it (404) and the key keeps working; bad ids are 404', async () => {
    const owner = await resellerWithToken(h.db, admin);
    const other = await resellerWithToken(h.db, admin);
    const k = await newKey(owner.token);
    expectError(await call(revokeKey, 'DELETE', '/k', { token: other.token, id: Number(k.json.id) }), 404, 'not_found');
    expectError(await call(revokeKey, 'DELETE', '/k', { token: other.token, id: 'abc' }), 404, 'not_found');
    expectError(await call(revokeKey, 'DELETE', '/k', { token: other.token, id: 2_000_000_000 }), 404, 'not_found');
    expect((await profileWith(String(k.json.key))).status).toBe(200);
    expect((await call(listKeys, 'GET', '/api/reseller/api-keys', { token: other.token })).json.data).toEqual([]);
    const [row] = await h.db
      .select({ revokedAt: apiTokens.revokedAt })
      .from(apiTokens)
      .where(eq(apiTokens.id, Number(k.json.id)));
    expect(row.revokedAt).toBeNull();
  });

  test('a login token cannot be revoked through the API-key route', async () => {
    const r = await resellerWithToken(h.db, admin);
    const [session] = await h.db
      .select({ id: apiTokens.id })
      .from(apiTokens)
      .where(eq(apiTokens.tokenHash, hashToken(r.token)));
    expectError(await call(revokeKey, 'DELETE', '/k', { token: r.token, id: session.id }), 404, 'not_found');
    expect((await profileWith(r.token)).status).toBe(200);
  });

  test("a suspended reseller's key is 403 account_suspended", async () => {
    const r = await resellerWithToken(h.db, admin);
    const key = String((await newKey(r.token)).json.key);
    await suspendUser(h.db, r.id);
    expectError(await profileWith(key), 403, 'account_suspended');
    expectError(await call(listKeys, 'GET', '/api/reseller/api-keys', { token: key }), 403, 'account_suspended');
  });

  test("a client's key is not a reseller credential", async () => {
    const r = await resellerWithToken(h.db, admin);
    const { actor } = await makeClient(h.db, r.actor);
    const clientKey = (await createApiKey(h.db, actor, 'client key')).key;
    expect(clientKey.startsWith('ck_')).toBe(true);
    expectError(await profileWith(clientKey), 401, 'unauthorized');
  });
});
