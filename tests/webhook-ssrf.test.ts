// Webhooks go to public addresses only (lib/http/safe-fetch.ts): refused when saved (400 on `url`, in every
// spelling of a private address) and again when delivered (the name resolved, every address checked, the
// connection made to the checked one, redirects not followed); WEBHOOK_ALLOW_PRIVATE=1 lifts it. A deleted
// or disabled webhook's queued deliveries are not sent. The worker delivers every due row: own database.
import dns from 'node:dns';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { DELETE as deleteRoute, PATCH as patchRoute } from '@/app/api/v1/webhooks/[id]/route';
import { POST as createRoute } from '@/app/api/v1/webhooks/route';
import { type DbHandle, setDbHandle } from '@/db';
import { webhooks } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { isBlockedAddress, safeFetch } from '@/lib/http/safe-fetch';
import { createWebhook, deliverDueWebhooks, enqueueEvent } from '@/lib/services/webhooks';
import { makeAdmin } from './helpers/fixtures';
import { deliveriesOf, gatewayClient } from './helpers/gateway';
import { call } from './helpers/http';
import { openPrivateDb } from './helpers/private-db';

let h: DbHandle;
let admin: Actor;
beforeAll(async () => {
  h = await openPrivateDb({ max: 5 });
  setDbHandle(h);
  admin = await makeAdmin(h.db);
});
afterAll(async () => {
  await h.close();
});
// The suite's default (vitest.config.ts) allows private targets; these tests check the guard itself.
beforeEach(() => {
  delete process.env.WEBHOOK_ALLOW_PRIVATE;
});
afterEach(() => {
  process.env.WEBHOOK_ALLOW_PRIVATE = '1';
  vi.restoreAllMocks();
});

async function receiver(status = 200, headers: Record<string, string> = {}) {
  const got: { host?: string; url?: string }[] = [];
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      got.push({ host: req.headers.host, url: req.url });
      res.writeHead(status, headers).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return { port, url: `http://127.0.0.1:${port}/hook`, got, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Makes `dns.lookup` answer these addresses for every name (as a rebinding or internal DNS would). */
function resolveTo(...addresses: string[]) {
  const spy = vi.spyOn(dns, 'lookup');
  spy.mockImplementation(((_host: string, _opts: unknown, cb: (e: null, a: dns.LookupAddress[]) => void) =>
    cb(
      null,
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    )) as never);
  return spy;
}

const PRIVATE_URLS = [
  'http://127.0.0.1:9/x',
  'http://localhost:9/x',
  'http://localhost./x',
  'http://api.localhost/x',
  'http://[::1]:9/x',
  'http://0.0.0.0/x',
  'http://127.1/x',
  'http://2130706433/x',
  'http://0x7f.1/x',
  'http://0177.0.0.1/x',
  'http://169.254.169.254/latest/meta-data',
  'http://10.0.0.1/x',
  'http://172.16.5.4/x',
  'http://192.168.1.1/x',
  'http://100.64.0.1/x',
  'http://[fc00::1]/x',
  'http://[fd12:3456::1]/x',
  'http://[fe80::1]/x',
  'http://[ff02::1]/x',
  'http://224.0.0.1/x',
  'http://[::]/x',
  'http://[::ffff:127.0.0.1]/x',
  'http://[::ffff:a00:1]/x',
  'http://[64:ff9b::7f00:1]/x',
  'http://intranet/x',
];

describe('at registration', () => {
  test('every loopback, private, link-local, CGNAT, ULA, multicast and unspecified spelling is 400 on url', async () => {
    const c = await gatewayClient(h.db, admin);
    for (const url of PRIVATE_URLS) {
      const res = await call(createRoute, 'POST', '/api/v1/webhooks', { token: c.token, body: { url, events: ['message.sent'] } });
      expect(res.status, url).toBe(400);
      expect(res.json.error?.details.fields, url).toEqual({ url: [expect.stringMatching(/public addresses only/)] });
    }
    const ok = await call(createRoute, 'POST', '/api/v1/webhooks', {
      token: c.token,
      body: { url: 'https://hooks.example.com/in', events: ['message.sent'] },
    });
    expect(ok.status).toBe(201);
    // Changing the URL later is checked the same way.
    const patched = await call(patchRoute, 'PATCH', '/x', { token: c.token, id: Number(ok.json.id), body: { url: 'http://127.1/' } });
    expect(patched.status).toBe(400);
  });

  test('WEBHOOK_ALLOW_PRIVATE=1 lets an operator register its own network', async () => {
    process.env.WEBHOOK_ALLOW_PRIVATE = '1';
    const c = await gatewayClient(h.db, admin);
    const res = await call(createRoute, 'POST', '/api/v1/webhooks', {
      token: c.token,
      body: { url: 'http://10.0.0.1/x', events: ['message.sent'] },
    });
    expect(res.status).toBe(201);
  });

  test('public addresses pass, in both families', () => {
    for (const a of ['8.8.8.8', '1.1.1.1', '100.128.0.1', '172.32.0.1', '2606:4700:4700::1111', '2a00:1450::1'])
      expect(isBlockedAddress(a), a).toBe(false);
    for (const a of ['127.0.0.1', '::1', '::ffff:169.254.169.254', 'fe80::1', '100.127.255.255', '255.255.255.255', 'not-an-ip'])
      expect(isBlockedAddress(a), a).toBe(true);
  });
});

describe('at delivery', () => {
  /** A webhook saved straight into the table (as one saved before the rule existed, or by an operator). */
  async function savedHook(url: string) {
    const c = await gatewayClient(h.db, admin);
    const [w] = await h.db
      .insert(webhooks)
      .values({ clientId: c.id, url, events: ['message.sent'], secret: 'whsec_test' })
      .returning();
    await enqueueEvent(h.db, c.id, 'message.sent', { message_id: 'm1' }, new Date(Date.now() - 1000));
    return w;
  }

  test('a literal private address saved earlier is not contacted', async () => {
    const r = await receiver();
    try {
      const w = await savedHook(r.url);
      expect(await deliverDueWebhooks(h.db)).toBe(1);
      expect(r.got).toEqual([]);
      const [d] = await deliveriesOf(h.db, w.id);
      expect(d).toMatchObject({ status: 'failed', lastError: expect.stringMatching(/public addresses only/) });
    } finally {
      await r.close();
    }
  });

  test('a public name that resolves to a private address (any of its addresses) is not contacted', async () => {
    const r = await receiver();
    try {
      const lookup = resolveTo('93.184.216.34', '127.0.0.1');
      const w = await savedHook(`http://rebind.example.com:${r.port}/hook`);
      expect(await deliverDueWebhooks(h.db)).toBe(1);
      expect(r.got).toEqual([]);
      expect(lookup).toHaveBeenCalledTimes(1);
      const [d] = await deliveriesOf(h.db, w.id);
      expect(d.lastError).toMatch(/private or reserved address/);
    } finally {
      await r.close();
    }
  });

  test('the connection goes to the address that was checked, resolved once', async () => {
    process.env.WEBHOOK_ALLOW_PRIVATE = '1';
    const r = await receiver();
    try {
      const lookup = resolveTo('127.0.0.1');
      const res = await safeFetch(`http://checked.example.com:${r.port}/hook`, { method: 'POST', body: '{}' });
      expect(res.status).toBe(200);
      expect(lookup).toHaveBeenCalledTimes(1);
      expect(r.got).toEqual([{ host: `checked.example.com:${r.port}`, url: '/hook' }]);
    } finally {
      await r.close();
    }
  });

  test('a redirect is not followed (the delivery fails with the 3xx)', async () => {
    process.env.WEBHOOK_ALLOW_PRIVATE = '1';
    const target = await receiver();
    const r = await receiver(302, { location: target.url });
    try {
      const w = await savedHook(r.url);
      await deliverDueWebhooks(h.db);
      expect(r.got).toHaveLength(1);
      expect(target.got).toEqual([]);
      const [d] = await deliveriesOf(h.db, w.id);
      expect(d).toMatchObject({ status: 'failed', lastStatusCode: 302 });
    } finally {
      await r.close();
      await target.close();
    }
  });
});

describe('a deleted or disabled webhook stops its queued deliveries', () => {
  test('disabling or deleting fails the queued ones; nothing is sent, nothing retried', async () => {
    process.env.WEBHOOK_ALLOW_PRIVATE = '1';
    const r = await receiver(500);
    try {
      const c = await gatewayClient(h.db, admin);
      const a = await createWebhook(h.db, c.actor, { url: r.url, events: ['message.sent'] });
      const b = await createWebhook(h.db, c.actor, { url: r.url, events: ['message.sent'] });
      await enqueueEvent(h.db, c.id, 'message.sent', { message_id: 'm1' }, new Date(Date.now() - 1000));
      // Both fail once (500) and are queued for a retry.
      await deliverDueWebhooks(h.db);
      expect(r.got).toHaveLength(2);
      expect((await call(patchRoute, 'PATCH', '/x', { token: c.token, id: a.id, body: { enabled: false } })).status).toBe(200);
      expect((await call(deleteRoute, 'DELETE', '/x', { token: c.token, id: b.id })).status).toBe(200);
      await deliverDueWebhooks(h.db, new Date(Date.now() + 86_400_000));
      expect(r.got).toHaveLength(2);
      expect((await deliveriesOf(h.db, a.id)).map((d) => [d.status, d.lastError])).toEqual([['failed', 'webhook disabled: not delivered']]);
      expect((await deliveriesOf(h.db, b.id)).map((d) => [d.status, d.lastError])).toEqual([['failed', 'webhook deleted: not delivered']]);
    } finally {
      await r.close();
    }
  });
});
