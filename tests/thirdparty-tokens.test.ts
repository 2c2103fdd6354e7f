// JWT access tokens of the 3rd-party API, as the app server issues them (client-go TokenRequest /
// TokenResponse): POST /auth/token with scopes and ttl, the token as Bearer, scopes enforced, DELETE revokes.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DELETE as revokeRoute } from '@/app/api/3rdparty/v1/auth/token/[id]/route';
import { POST as tokenRoute } from '@/app/api/3rdparty/v1/auth/token/route';
import { GET as devicesRoute } from '@/app/api/3rdparty/v1/devices/route';
import { GET as getRoute } from '@/app/api/3rdparty/v1/message/[id]/route';
import { GET as listRoute, POST as sendRoute } from '@/app/api/3rdparty/v1/message/route';
import type { DbHandle } from '@/db';
import type { Actor } from '@/lib/auth/permissions';
import { issueGatewayToken } from '@/lib/services/gateway-tokens';
import { useTestDbForRoutes } from './helpers/db';
import { makeAdmin, suspendUser } from './helpers/fixtures';
import { gatewayClient, gatewayLogin } from './helpers/gateway';
import { call } from './helpers/http';

let h: DbHandle;
let admin: Actor;
beforeAll(async () => {
  h = await useTestDbForRoutes();
  admin = await makeAdmin(h.db);
});
afterAll(async () => {
  await h.close();
});

async function account() {
  const c = await gatewayClient(h.db, admin);
  const creds = await gatewayLogin(h.db, c.actor);
  return { c, auth: creds.auth };
}
const as = (authorization: string) => ({ headers: { authorization } });
const token = async (auth: string, body: unknown) => call(tokenRoute, 'POST', '/api/3rdparty/v1/auth/token', { ...as(auth), body });
const msg = { phoneNumbers: ['+959111111111'], message: 'via jwt' };

describe('POST /api/3rdparty/v1/auth/token', () => {
  test('scopes and ttl → 201 TokenResponse; the token sends as Bearer within its scopes only', async () => {
    const { auth } = await account();
    const before = Date.now();
    const res = await token(auth, { scopes: ['messages:send', 'messages:read'], ttl: 600 });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({
      id: expect.any(String),
      token_type: 'Bearer',
      access_token: expect.any(String),
      expires_at: expect.any(String),
    });
    const exp = Date.parse(String(res.json.expires_at));
    expect(exp).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 600_000);
    expect(exp).toBeLessThanOrEqual(Date.now() + 600_000);
    const bearer = `Bearer ${res.json.access_token}`;
    const sent = await call(sendRoute, 'POST', '/api/3rdparty/v1/message', { ...as(bearer), body: msg });
    expect(sent.status).toBe(202);
    expect((await call(getRoute, 'GET', '/x', { ...as(bearer), id: String(sent.json.id) })).status).toBe(200);
    // Not granted: messages:list, devices:list, tokens:manage.
    for (const [route, path] of [
      [listRoute, '/api/3rdparty/v1/messages'],
      [devicesRoute, '/api/3rdparty/v1/devices'],
    ] as const) {
      const refused = await call(route, 'GET', path, as(bearer));
      expect(refused.status, path).toBe(403);
      expect(typeof refused.json.message).toBe('string');
    }
    expect((await token(bearer, { scopes: ['messages:send'] })).status).toBe(403);
  });

  test('all:any grants everything; tokens:manage may issue tokens; ttl is capped at a day, 0 means an hour', async () => {
    const { auth } = await account();
    const all = await token(auth, { scopes: ['all:any'] });
    const allBearer = `Bearer ${all.json.access_token}`;
    expect((await call(listRoute, 'GET', '/x', as(allBearer))).status).toBe(200);
    expect((await call(devicesRoute, 'GET', '/x', as(allBearer))).status).toBe(200);
    const manager = await token(auth, { scopes: ['tokens:manage'] });
    const long = await token(`Bearer ${manager.json.access_token}`, { scopes: ['messages:list'], ttl: 10_000_000 });
    expect(long.status).toBe(201);
    expect(Date.parse(String(long.json.expires_at)) - Date.now()).toBeLessThanOrEqual(86_400_000);
    expect(Date.parse(String(long.json.expires_at)) - Date.now()).toBeGreaterThan(86_400_000 - 5_000);
    const dflt = await token(auth, { scopes: ['messages:list'], ttl: 0 });
    expect(Math.abs(Date.parse(String(dflt.json.expires_at)) - Date.now() - 3_600_000)).toBeLessThan(5_000);
  });

  test('bad requests are 400; bad, expired, revoked or foreign tokens are 401', async () => {
    const { c, auth } = await account();
    for (const body of [{ scopes: [] }, { scopes: ['messages:fly'] }, { scopes: ['messages:send'], ttl: -1 }, {}]) {
      expect((await token(auth, body)).status, JSON.stringify(body)).toBe(400);
    }
    expect((await token('Basic Zm9vOmJhcg==', { scopes: ['all:any'] })).status).toBe(401);
    for (const bad of ['Bearer not-a-jwt', 'Bearer a.b.c', 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.']) {
      expect((await call(listRoute, 'GET', '/x', as(bad))).status, bad).toBe(401);
    }
    const old = await issueGatewayToken(h.db, c.id, { scopes: ['all:any'], ttl: 60 }, new Date(Date.now() - 120_000));
    expect((await call(listRoute, 'GET', '/x', as(`Bearer ${old.access_token}`))).status).toBe(401);

    const live = await token(auth, { scopes: ['all:any'] });
    const bearer = `Bearer ${live.json.access_token}`;
    expect((await call(listRoute, 'GET', '/x', as(bearer))).status).toBe(200);
    const other = await account();
    expect((await call(revokeRoute, 'DELETE', '/x', { ...as(other.auth), id: String(live.json.id) })).status).toBe(404);
    const del = await call(revokeRoute, 'DELETE', `/api/3rdparty/v1/auth/token/${live.json.id}`, { ...as(auth), id: String(live.json.id) });
    expect(del.status).toBe(204);
    expect((await call(listRoute, 'GET', '/x', as(bearer))).status).toBe(401);
  });

  test("a suspended client's tokens are 403, like its Basic login", async () => {
    const { c, auth } = await account();
    const live = await token(auth, { scopes: ['all:any'] });
    await suspendUser(h.db, c.id);
    expect((await call(listRoute, 'GET', '/x', as(`Bearer ${live.json.access_token}`))).status).toBe(403);
    expect((await call(listRoute, 'GET', '/x', as(auth))).status).toBe(403);
  });
});
