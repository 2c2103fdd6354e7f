// The API routes' direct path (scripts/direct-routes.mjs): scripts/serve.mjs hands the token-authenticated
// API families' requests straight to their compiled route handlers. Over real HTTP, one instance with it and
// one without (DIRECT_API=0, every request through Next's router), the same requests get the same status,
// body and headers (security headers, content type, gzip), a send queued on the direct path is pulled by a
// phone and wakes its event stream, and what the direct path leaves to Next (HEAD, OPTIONS, 405, trailing
// slash, the session-authenticated portal family) still answers as before.
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DbHandle } from '@/db';
import { onPostgres } from './helpers/db';
import { makeAdmin } from './helpers/fixtures';
import { gatewayClient, gatewayLogin, registerPhone } from './helpers/gateway';
import { type Instance, startInstance } from './helpers/instances';
import { openPrivateDb } from './helpers/private-db';

/**
 * The headers an answer must carry the same on both paths (Date, keep-alive and framing may differ; so does
 * Content-Encoding under 1 KB: Next streams its answers without a length, so its gzip cannot apply the usual
 * 1 KB threshold and compresses even a 90-byte error; the direct path knows the length and does not).
 */
const SAME = [
  'content-type',
  'content-security-policy',
  'x-content-type-options',
  'referrer-policy',
  'x-frame-options',
  'strict-transport-security',
  'permissions-policy',
  'retry-after',
  'allow',
  'location',
];

interface Answer {
  status: number;
  headers: Record<string, string | null>;
  body: string;
}

async function call(base: string, path: string, init: RequestInit = {}): Promise<Answer> {
  const res = await fetch(base + path, { redirect: 'manual', ...init });
  const raw = Buffer.from(await res.arrayBuffer());
  const headers = Object.fromEntries(SAME.map((h) => [h, res.headers.get(h)]));
  return { status: res.status, headers, body: raw.toString('utf8') };
}

describe.skipIf(!onPostgres())('the direct API path of scripts/serve.mjs', () => {
  let h: DbHandle & { url?: string };
  let direct: Instance;
  let viaNext: Instance;
  let token: string;
  let basic: string;
  let deviceToken: string;

  beforeAll(async () => {
    h = await openPrivateDb({ max: 4 });
    const c = await gatewayClient(h.db, await makeAdmin(h.db), { pkg: 'starter_pro' });
    token = c.token;
    const creds = await gatewayLogin(h.db, c.actor);
    basic = creds.auth;
    deviceToken = (await registerPhone(h.db, creds)).token;
    const env = { DISABLE_WORKERS: '1' };
    [direct, viaNext] = await Promise.all([startInstance(h.url!, env), startInstance(h.url!, { ...env, DIRECT_API: '0' })]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([direct?.stop(), viaNext?.stop()]);
    await h?.close();
  });

  const auth = () => ({ authorization: `Bearer ${token}` });
  const json = { 'content-type': 'application/json' };

  test('the server says the path is on, and only the DIRECT_API=0 instance answers API requests through Next', async () => {
    expect(direct.output()).toMatch(/\[serve\] direct API path: \d+ route files/);
    expect(viaNext.output()).not.toMatch(/direct API path/);
    // Next marks every answer it routes with its router's Vary; the direct path does not.
    const a = await fetch(`${direct.url}/api/v1/messages`, { headers: auth() });
    const b = await fetch(`${viaNext.url}/api/v1/messages`, { headers: auth() });
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(a.headers.get('vary') ?? '').not.toMatch(/rsc/i);
    expect(b.headers.get('vary') ?? '').toMatch(/rsc/i);
  });

  test('the same status, body and headers on both paths, errors and edges included', async () => {
    const cases: [string, RequestInit][] = [
      ['/api/v1/sms/send', { method: 'POST', headers: json, body: '{}' }],
      ['/api/v1/sms/send', { method: 'POST', headers: { ...json, ...auth() }, body: '{}' }],
      ['/api/v1/sms/send', { method: 'POST', headers: { ...json, ...auth() }, body: '{"phone": "09 420"' }],
      ['/api/v1/sms/send', { method: 'POST', headers: { ...json, ...auth() }, body: JSON.stringify({ phone: '12', message: 'x' }) }],
      ['/api/v1/sms/send', { method: 'POST', headers: { ...json, ...auth() }, body: JSON.stringify({ message: 'x'.repeat(1_100_000) }) }],
      ['/api/v1/messages?limit=2', { headers: auth() }],
      ['/api/v1/messages?limit=abc', { headers: auth() }],
      ['/api/v1/messages/nope', { headers: auth() }],
      ['/api/v1/messages/%ZZ', { headers: auth() }],
      ['/api/reseller/clients', { headers: auth() }],
      ['/api/admin/resellers', {}],
      ['/v3/account', {}],
      ['/v3/account', { headers: { authorization: 'Basic bm9ib2R5OnNlY3JldA==' } }],
      ['/api/3rdparty/v1/messages', {}],
      ['/api/3rdparty/v1/messages', { headers: { authorization: basic } }],
      ['/api/mobile/v1/device', {}],
      ['/api/mobile/v1/device', { headers: { authorization: `Bearer ${deviceToken}` } }],
      ['/api/mobile/v1/message', { headers: { authorization: 'Bearer not-a-token' } }],
      // Left to Next: HEAD, OPTIONS, a method the route lacks, a trailing slash, the portal family.
      ['/api/v1/messages', { method: 'HEAD', headers: auth() }],
      ['/api/v1/sms/send', { method: 'OPTIONS' }],
      ['/api/v1/sms/send', { method: 'DELETE', headers: auth() }],
      ['/api/v1/messages/', { headers: auth() }],
      ['/api/portal/contacts/import', { method: 'POST', headers: json, body: '{}' }],
      ['/api/no-such-route', {}],
    ];
    for (const [path, init] of cases) {
      const [a, b] = await Promise.all([call(direct.url, path, init), call(viaNext.url, path, init)]);
      expect({ path, method: init.method ?? 'GET', ...a }).toEqual({ path, method: init.method ?? 'GET', ...b });
    }
  });

  test('a big answer is gzipped for a client that takes it, as Next does, and reads the same', async () => {
    for (let i = 0; i < 12; i++) {
      const res = await fetch(`${direct.url}/api/v1/sms/send`, {
        method: 'POST',
        headers: { ...json, ...auth() },
        body: JSON.stringify({ phone: `+9594200${String(1000 + i)}`, message: `gzip check ${i} ${'m'.repeat(80)}` }),
      });
      expect(res.status).toBe(202);
    }
    const path = '/api/v1/messages?limit=12';
    const answers = await Promise.all(
      [direct, viaNext].map(async (s) => {
        const res = await fetch(s.url + path, { headers: { ...auth(), 'accept-encoding': 'gzip' } });
        return { encoding: res.headers.get('content-encoding'), vary: res.headers.get('vary'), text: await res.text() };
      }),
    );
    expect(answers[0].encoding).toBe('gzip');
    expect(answers[1].encoding).toBe('gzip');
    expect(answers[0].vary).toMatch(/Accept-Encoding/i);
    expect(answers[0].text.length).toBeGreaterThan(1024);
    expect(answers[0].text).toBe(answers[1].text);
    // And the bytes on the wire are gzip (fetch above decoded them).
    const raw = await import('node:http').then(
      (http) =>
        new Promise<Buffer>((resolve, reject) => {
          http
            .get(direct.url + path, { headers: { ...auth(), 'accept-encoding': 'gzip' } }, (res) => {
              const chunks: Buffer[] = [];
              res.on('data', (c) => chunks.push(c));
              res.on('end', () => resolve(Buffer.concat(chunks)));
            })
            .on('error', reject);
        }),
    );
    expect(gunzipSync(raw).toString('utf8')).toBe(answers[0].text);
  });

  test('a send on the direct path wakes the phone’s event stream, and its pull gets the message', async () => {
    const ac = new AbortController();
    const events = await fetch(`${direct.url}/api/mobile/v1/events`, {
      headers: { authorization: `Bearer ${deviceToken}` },
      signal: ac.signal,
    });
    expect(events.status).toBe(200);
    expect(events.headers.get('content-type')).toBe('text/event-stream');
    const reader = events.body!.getReader();
    let seen = '';
    const read = async (until: RegExp) => {
      const deadline = Date.now() + 10_000;
      while (!until.test(seen) && Date.now() < deadline) {
        const { value, done } = await reader.read();
        if (done) break;
        seen += Buffer.from(value).toString('utf8');
      }
      return seen;
    };
    expect(await read(/:connected/)).toMatch(/:connected/);
    const sent = await fetch(`${direct.url}/api/v1/sms/send`, {
      method: 'POST',
      headers: { ...json, ...auth() },
      body: JSON.stringify({ phone: '09 420 000 777', message: 'through the direct path' }),
    });
    expect(sent.status).toBe(202);
    const id = ((await sent.json()) as { data: { id: string }[] }).data[0].id;
    expect(await read(/event: MessageEnqueued/)).toMatch(/event: MessageEnqueued/);
    ac.abort();
    const pulled = await fetch(`${direct.url}/api/mobile/v1/message`, { headers: { authorization: `Bearer ${deviceToken}` } });
    expect(pulled.status).toBe(200);
    const list = (await pulled.json()) as { id: string; message?: string; phoneNumbers: string[] }[];
    const mine = list.find((m) => m.id === id);
    expect(mine?.phoneNumbers).toEqual(['+959420000777']);
    // The stream's end left the server serving.
    expect((await fetch(`${direct.url}/api/mobile/v1/device`)).status).toBe(200);
  });
});
