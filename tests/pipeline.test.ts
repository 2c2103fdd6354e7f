// The one request core under every API family (lib/http/pipeline/core.ts): bodies counted while they
// stream (413 at the limit, in each family's shape), JSON nested too deep refused, ids and dates that once
// reached a 500, and rate limits in every family (per credential, and per address for wrong credentials).
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { GET as tpDevices } from '@/app/api/3rdparty/v1/devices/route';
import { GET as tpList, POST as tpSend } from '@/app/api/3rdparty/v1/message/route';
import { PATCH as patchDevice, POST as register } from '@/app/api/mobile/v1/device/route';
import { POST as inbound } from '@/app/api/mobile/v1/inbound/[id]/route';
import { GET as pull } from '@/app/api/mobile/v1/message/route';
import { POST as resellerLogin } from '@/app/api/reseller/auth/login/route';
import { GET as resellerClient } from '@/app/api/reseller/clients/[id]/route';
import { GET as profit } from '@/app/api/reseller/profit/route';
import { GET as messageRoute } from '@/app/api/v1/messages/[id]/route';
import { GET as messagesRoute } from '@/app/api/v1/messages/route';
import { GET as profile } from '@/app/api/v1/profile/route';
import { GET as csAccounts, POST as csCreate } from '@/app/v3/reseller/accounts/route';
import type { DbHandle } from '@/db';
import type { Actor } from '@/lib/auth/permissions';
import { inboundSignature } from '@/lib/http/pipeline/gateway-auth';
import { useTestDbForRoutes } from './helpers/db';
import { makeAdmin, makeReseller } from './helpers/fixtures';
import { basicAuth, gatewayClient, gatewayLogin, registerPhone } from './helpers/gateway';
import { call, type RouteHandler } from './helpers/http';
import { freshIp, fromIp } from './helpers/peer';
import { apiKeyFor } from './helpers/reseller-keys';
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
const saved = { api: process.env.API_RATE_LIMIT, device: process.env.DEVICE_RATE_LIMIT };
const restore = (k: string, v: string | undefined) => (v === undefined ? delete process.env[k] : (process.env[k] = v));
afterEach(() => {
  restore('API_RATE_LIMIT', saved.api);
  restore('DEVICE_RATE_LIMIT', saved.device);
});

async function world() {
  const c = await gatewayClient(h.db, admin, { pkg: 'starter_pro' });
  const creds = await gatewayLogin(h.db, c.actor);
  const phone = await registerPhone(h.db, creds, 'pipeline phone');
  const r = await makeReseller(h.db, admin);
  const rk = await apiKeyFor(h.db, r.actor, 'pipeline');
  return { c, creds, phone, reseller: r, clicksend: basicAuth(r.reseller.email, rk.key) };
}

/** A body that never ends on its own: counts what the server pulled. */
function endless(chunk = 64 * 1024) {
  const stats = { pulled: 0 };
  const bytes = new Uint8Array(chunk).fill(0x20);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      stats.pulled += bytes.byteLength;
      if (stats.pulled > 300 * 1024 * 1024) controller.close();
      else controller.enqueue(bytes);
    },
  });
  return { stream, stats };
}

async function raw(
  handler: RouteHandler & { meta?: unknown },
  method: string,
  path: string,
  init: { headers?: Record<string, string>; body?: BodyInit },
) {
  const req = new Request(`http://test${path}`, { method, headers: init.headers, body: init.body, duplex: 'half' } as RequestInit);
  const res = await handler(req, { params: Promise.resolve({}) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown>, headers: res.headers };
}

describe('bodies are counted while they stream', () => {
  test('a chunked body without Content-Length stops at the limit with 413, in each family, before sign-in', async () => {
    const w = await world();
    const cases: [RouteHandler, string, Record<string, string>, (j: Record<string, unknown>) => unknown][] = [
      [resellerLogin, '/api/reseller/auth/login', {}, (j) => (j.error as { code: string }).code],
      [csCreate, '/v3/reseller/accounts', { authorization: w.clicksend }, (j) => j.http_code],
      [register, '/api/mobile/v1/device', { authorization: w.creds.auth }, (j) => j.code],
      [tpSend, '/api/3rdparty/v1/message', { authorization: w.creds.auth }, (j) => j.code],
    ];
    const want = ['payload_too_large', 413, 'payload_too_large', 'payload_too_large'];
    const got: unknown[] = [];
    for (const [handler, path, headers, code] of cases) {
      const { stream, stats } = endless();
      const a = await raw(handler, 'POST', path, { headers: { 'content-type': 'application/json', ...headers }, body: stream });
      expect(a.status, path).toBe(413);
      got.push(code(a.json));
      // Read at most the limit and one chunk beyond it, never the 300 MB on offer.
      expect(stats.pulled, path).toBeLessThan((handler.meta?.bodyLimit ?? 0) + 200 * 1024);
    }
    expect(got).toEqual(want);
  });

  test('a declared Content-Length over the limit is refused before anything is read', async () => {
    const a = await raw(resellerLogin, 'POST', '/api/reseller/auth/login', {
      headers: { 'content-type': 'application/json', 'content-length': String(2_000_000) },
      body: '{}',
    });
    expect(a.status).toBe(413);
  });

  test('JSON nested deeper than 32 levels is 400 (simCards 20,000 deep), in the app shape', async () => {
    const w = await world();
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const res = await call(patchDevice, 'PATCH', '/api/mobile/v1/device', {
      headers: { authorization: `Bearer ${w.phone.token}` },
      rawBody: `{"id":"${w.phone.id}","simCards":${deep}}`,
    });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: 'invalid_json', message: expect.stringContaining('deeper') });
  });
});

describe('input that once reached a 500 is a 4xx in the family shape', () => {
  test('ids with broken percent-encoding (as serve.mjs passes them: the literal text) name nothing', async () => {
    const w = await world();
    for (const bad of ['%ZZ', '%', '%E0%A4%A', '%FF']) {
      const m = await call(messageRoute, 'GET', `/api/v1/messages/${encodeURIComponent(bad)}`, { token: w.c.token, id: bad });
      expect(m.status, bad).toBe(404);
      const r = await call(resellerClient, 'GET', '/api/reseller/clients/x', { id: bad, headers: {} });
      expect(r.status, bad).toBe(404);
    }
  });

  test('dates PostgreSQL cannot store are 400 on lists and on the inbound webhook', async () => {
    const w = await world();
    for (const [k, v] of [
      ['from', '0000-01-01'],
      ['to', '9999-12-31T23:59:59.999-23:59'],
      ['from', '+275760-09-13T00:00:00.000Z'],
      ['to', '1899-12-31'],
    ]) {
      const res = await call(messagesRoute, 'GET', '/api/v1/messages', { token: w.c.token, query: { [k]: v } });
      expect(res.status, `${k}=${v}`).toBe(400);
      expect(Object.keys(res.json.error?.details.fields as object)).toEqual([k]);
      const tp = await call(tpList, 'GET', '/api/3rdparty/v1/message', { headers: { authorization: w.creds.auth }, query: { [k]: v } });
      expect(tp.status, `3rd-party ${k}=${v}`).toBe(400);
    }
    const r = await resellerWithToken(h.db, admin);
    const month = await call(profit, 'GET', '/api/reseller/profit', { token: r.token, query: { month: '0000-01' } });
    expect(month.status).toBe(400);
    const sig = inboundSignature(w.phone.id);
    const res = await call(inbound, 'POST', `/api/mobile/v1/inbound/${w.phone.id}`, {
      id: w.phone.id,
      query: { sig },
      body: { event: 'sms:received', payload: { phoneNumber: '+959111111111', message: 'hi', receivedAt: '0000-01-01T00:00:00Z' } },
    });
    expect(res.status).toBe(400);
    expect(res.json.message).toContain('receivedAt');
  });

  test('ttl 10000000000000 on the 3rd-party send is 400', async () => {
    const w = await world();
    const res = await call(tpSend, 'POST', '/api/3rdparty/v1/message', {
      headers: { authorization: w.creds.auth },
      body: { phoneNumbers: ['+959111111111'], message: 'hi', ttl: 10_000_000_000_000 },
    });
    expect(res.status).toBe(400);
    expect(res.json.message).toContain('ttl');
  });
});

describe('every family is rate limited, answering 429 with Retry-After in its own shape', () => {
  test('per credential: the Bearer API, ClickSend, the device protocol and the 3rd-party API', async () => {
    const w = await world();
    process.env.API_RATE_LIMIT = '3';
    process.env.DEVICE_RATE_LIMIT = '3';
    const runs: [string, () => ReturnType<typeof call>, (j: Record<string, unknown>) => unknown][] = [
      ['api', () => call(profile, 'GET', '/api/v1/profile', { token: w.c.token }), (j) => (j.error as { code: string }).code],
      [
        'clicksend',
        () => call(csAccounts, 'GET', '/v3/reseller/accounts', { headers: { authorization: w.clicksend } }),
        (j) => j.response_code,
      ],
      [
        'mobile',
        () => call(pull, 'GET', '/api/mobile/v1/message', { headers: { authorization: `Bearer ${w.phone.token}` } }),
        (j) => j.code,
      ],
      ['3rdparty', () => call(tpDevices, 'GET', '/api/3rdparty/v1/devices', { headers: { authorization: w.creds.auth } }), (j) => j.code],
    ];
    for (const [family, send, code] of runs) {
      for (let i = 0; i < 3; i++) expect((await send()).status, `${family} #${i + 1}`).toBe(200);
      const refused = await send();
      expect(refused.status, family).toBe(429);
      expect(code(refused.json), family).toBe(family === 'clicksend' ? 'TOO_MANY_REQUESTS' : 'rate_limited');
    }
    // Retry-After is on the answer (raw handler call, to read the header).
    const a = await raw(profile, 'GET', '/api/v1/profile', { headers: { authorization: `Bearer ${w.c.token}` } });
    expect(a.status).toBe(429);
    expect(Number(a.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  test('per address: wrong gateway passwords from one address are refused unchecked after the limit, even the right one', async () => {
    const w = await world();
    process.env.API_RATE_LIMIT = '4';
    const ip = freshIp();
    const wrong = { authorization: basicAuth(w.creds.login, 'wrong-password') };
    for (let i = 0; i < 4; i++) {
      const res = await call(tpDevices, 'GET', '/api/3rdparty/v1/devices', { headers: { ...wrong, ...fromIp(ip) } });
      expect(res.status).toBe(401);
    }
    const right = await call(tpDevices, 'GET', '/api/3rdparty/v1/devices', { headers: { authorization: w.creds.auth, ...fromIp(ip) } });
    expect(right.status).toBe(429);
    expect(right.json.code).toBe('rate_limited');
    // Another address is not affected, and neither is the account (its own requests from elsewhere).
    const other = await call(tpDevices, 'GET', '/api/3rdparty/v1/devices', {
      headers: { authorization: w.creds.auth, ...fromIp(freshIp()) },
    });
    expect(other.status).toBe(200);
  });
});
