// The SMPP account over the client API (issue 17): POST /api/v1/smpp/credentials → 201 {system_id, password,
// host, port} (password shown once, stored hashed, replaced by a new call; SMPP 3.4 field sizes), GET and
// PATCH of the account's IP ranges, and GET /api/v1/smpp/binds listing the live binds of every instance.
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { GET as bindsRoute } from '@/app/api/v1/smpp/binds/route';
import { GET as getRoute, PATCH as patchRoute, POST as postRoute } from '@/app/api/v1/smpp/credentials/route';
import type { DbHandle } from '@/db';
import { smppAccounts, smppBinds } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { openBind } from '@/lib/services/smpp/binds';
import { checkBindCredentials } from '@/lib/services/smpp/credentials';
import { useTestDbForRoutes } from './helpers/db';
import { makeAdmin } from './helpers/fixtures';
import { gatewayClient } from './helpers/gateway';
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
const env = { ...process.env };
afterEach(() => {
  for (const k of ['SMPP_PORT', 'SMPP_HOST', 'SMPP_TLS_CERT', 'SMPP_TLS_KEY', 'SMPP_TLS_PORT']) {
    if (env[k] === undefined) delete process.env[k];
    else process.env[k] = env[k];
  }
});

const issue = async (token: string) => {
  const r = await call(postRoute, 'POST', '/api/v1/smpp/credentials', { token });
  expect(r.status).toBe(201);
  return r.json as { system_id: string; password: string; host: string; port: number | null; tls_port: number | null };
};

describe('POST /api/v1/smpp/credentials', () => {
  test('201 with system_id (≤ 15) and an 8-character password, shown once and stored hashed; host and port', async () => {
    delete process.env.SMPP_PORT;
    const c = await gatewayClient(h.db, admin);
    const creds = await issue(c.token);
    expect(Object.keys(creds).sort()).toEqual(['host', 'password', 'port', 'system_id', 'tls_port']);
    expect(creds.system_id).toMatch(/^[A-Z2-9]{1,15}$/);
    expect(creds.password).toMatch(/^[A-Za-z2-9]{8}$/);
    expect(creds).toMatchObject({ host: 'test', port: 2775, tls_port: null });
    const [row] = await h.db.select().from(smppAccounts).where(eq(smppAccounts.clientId, c.id));
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(creds.password);
    expect((await checkBindCredentials(h.db, creds.system_id, creds.password, '127.0.0.1')).ok).toBe(true);
  });

  test('a new call keeps the system_id and replaces the password: the old one no longer binds', async () => {
    const c = await gatewayClient(h.db, admin);
    const first = await issue(c.token);
    const second = await issue(c.token);
    expect(second.system_id).toBe(first.system_id);
    expect(second.password).not.toBe(first.password);
    expect(await checkBindCredentials(h.db, first.system_id, first.password, '127.0.0.1')).toEqual({ ok: false, reason: 'password' });
    expect((await checkBindCredentials(h.db, second.system_id, second.password, '127.0.0.1')).ok).toBe(true);
  });

  test('SMPP_HOST, SMPP_PORT and TLS decide what the client is told; SMPP_PORT=0 answers port null', async () => {
    const c = await gatewayClient(h.db, admin);
    process.env.SMPP_HOST = 'smpp.example.com';
    process.env.SMPP_PORT = '2790';
    process.env.SMPP_TLS_CERT = '/nonexistent/cert.pem';
    process.env.SMPP_TLS_KEY = '/nonexistent/key.pem';
    expect(await issue(c.token)).toMatchObject({ host: 'smpp.example.com', port: 2790, tls_port: 3550 });
    process.env.SMPP_PORT = '0';
    delete process.env.SMPP_TLS_CERT;
    expect(await issue(c.token)).toMatchObject({ port: null, tls_port: null });
  });

  test('only clients: a reseller token is refused; no token is 401', async () => {
    const r = await resellerWithToken(h.db, admin);
    expect([401, 403]).toContain((await call(postRoute, 'POST', '/api/v1/smpp/credentials', { token: r.token })).status);
    expectError(await call(postRoute, 'POST', '/api/v1/smpp/credentials'), 401, 'unauthorized');
  });
});

describe('GET / PATCH /api/v1/smpp/credentials', () => {
  test('404 before credentials; then the account without its password, with the package limits', async () => {
    const c = await gatewayClient(h.db, admin, { pkg: 'business_elite' });
    expectError(await call(getRoute, 'GET', '/api/v1/smpp/credentials', { token: c.token }), 404, 'not_found');
    const creds = await issue(c.token);
    const r = await call(getRoute, 'GET', '/api/v1/smpp/credentials', { token: c.token });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ system_id: creds.system_id, allowed_ips: [], throughput: 10, max_binds: 2 });
    expect(r.text).not.toContain(creds.password);
  });

  test('IP ranges: normalised and kept; a bad one is 400 naming it and changes nothing', async () => {
    const c = await gatewayClient(h.db, admin);
    await issue(c.token);
    const ok = await call(patchRoute, 'PATCH', '/api/v1/smpp/credentials', {
      token: c.token,
      body: { allowed_ips: ['203.0.113.0/24', '198.51.100.7'] },
    });
    expect(ok.status).toBe(200);
    expect(ok.json.allowed_ips).toEqual(['203.0.113.0/24', '198.51.100.7/32']);
    const bad = await call(patchRoute, 'PATCH', '/api/v1/smpp/credentials', {
      token: c.token,
      body: { allowed_ips: ['10.0.0.0/8', 'nonsense'] },
    });
    expect(Object.keys(fieldsOf(expectError(bad, 400, 'validation_failed')))).toEqual(['allowed_ips.1']);
    const after = await call(getRoute, 'GET', '/api/v1/smpp/credentials', { token: c.token });
    expect(after.json.allowed_ips).toEqual(['203.0.113.0/24', '198.51.100.7/32']);
    const clear = await call(patchRoute, 'PATCH', '/api/v1/smpp/credentials', { token: c.token, body: { allowed_ips: [] } });
    expect(clear.json.allowed_ips).toEqual([]);
  });
});

describe('GET /api/v1/smpp/binds', () => {
  test('the live binds of this client only (any instance); a bind its instance stopped refreshing is gone', async () => {
    const c = await gatewayClient(h.db, admin);
    const other = await gatewayClient(h.db, admin);
    await issue(c.token);
    await issue(other.token);
    expect((await call(bindsRoute, 'GET', '/api/v1/smpp/binds', { token: c.token })).json).toEqual({ data: [] });
    const bind = (id: string, clientId: number, instanceId: string) =>
      openBind(h.db, { id, clientId, instanceId, mode: 'transceiver', remoteIp: '203.0.113.5', systemType: 'kannel', tls: false });
    await bind('b-1', c.id, 'instance-a');
    await bind('b-2', c.id, 'instance-b');
    await bind('b-3', other.id, 'instance-a');
    await h.db
      .update(smppBinds)
      .set({ lastSeenAt: new Date(Date.now() - 120_000) })
      .where(eq(smppBinds.id, 'b-2'));
    const r = await call(bindsRoute, 'GET', '/api/v1/smpp/binds', { token: c.token });
    expect(r.json.data).toEqual([
      {
        id: 'b-1',
        mode: 'transceiver',
        ip: '203.0.113.5',
        system_type: 'kannel',
        tls: false,
        submitted: 0,
        delivered: 0,
        bound_at: expect.any(String),
        last_seen_at: expect.any(String),
      },
    ]);
  });
});
