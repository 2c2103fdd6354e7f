// The production server (scripts/serve.mjs, what `npm start` runs), over real HTTP on loopback: the
// client address is the socket's unless the peer is a TRUSTED_PROXIES entry; broken percent-encoding in a
// path reaches the route as text (a 4xx in the family's shape, not Next's bare 500); a 200 MB chunked body
// is refused at the limit without growing the process; server-action POSTs from another origin or that
// Next cannot decode get a 4xx.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DbHandle } from '@/db';
import { onPostgres } from './helpers/db';
import { makeAdmin } from './helpers/fixtures';
import { gatewayClient } from './helpers/gateway';
import { type Instance, startInstance } from './helpers/instances';
import { openPrivateDb } from './helpers/private-db';

if (!onPostgres()) console.log('real-server tests need the production build, made on PostgreSQL runs: set TEST_DATABASE_URL');

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

describe.skipIf(!onPostgres())('scripts/serve.mjs', () => {
  let h: DbHandle & { url?: string };
  let plain: Instance;
  let proxied: Instance;
  let token: string;

  beforeAll(async () => {
    h = await openPrivateDb({ max: 4 });
    const c = await gatewayClient(h.db, await makeAdmin(h.db));
    token = c.token;
    const env = { LOGIN_RATE_LIMIT: '3', DISABLE_WORKERS: '1' };
    [plain, proxied] = await Promise.all([
      startInstance(h.url!, env),
      startInstance(h.url!, { ...env, TRUSTED_PROXIES: '127.0.0.1/32, 10.0.0.0/8' }),
    ]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([plain?.stop(), proxied?.stop()]);
    await h?.close();
  });

  const externalIp = async (base: string, xff?: string) =>
    (
      (await (await fetch(`${base}/api/mobile/v1/device`, { headers: xff ? { 'x-forwarded-for': xff } : {} })).json()) as {
        externalIp: string;
      }
    ).externalIp;

  test('X-Forwarded-For from an untrusted peer is ignored; behind a trusted proxy the right-most untrusted hop counts', async () => {
    expect(await externalIp(plain.url, '6.6.6.6')).toBe('127.0.0.1');
    // Forging the socket header does not help either.
    const forged = await fetch(`${plain.url}/api/mobile/v1/device`, { headers: { 'x-sms-peer': 'guess 6.6.6.6' } });
    expect(((await forged.json()) as { externalIp: string }).externalIp).toBe('127.0.0.1');
    expect(await externalIp(proxied.url, '198.51.100.7')).toBe('198.51.100.7');
    expect(await externalIp(proxied.url, '6.6.6.6, 198.51.100.7, 10.1.2.3')).toBe('198.51.100.7');
    expect(await externalIp(proxied.url)).toBe('127.0.0.1');
  });

  test('the per-IP sign-in limit holds against a rotating X-Forwarded-For', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${plain.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.77.0.${i}` },
        body: JSON.stringify({ email: `nobody-${i}@example.com`, password: 'wrong-password' }),
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  test('broken percent-encoding in a path is a 4xx in the family shape', async () => {
    const get = async (p: string, headers: Record<string, string> = {}) => {
      const res = await fetch(plain.url + p, { headers });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const auth = { authorization: `Bearer ${token}` };
    expect(await get('/api/v1/messages/%ZZ', auth)).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect(await get('/api/v1/messages/%FF%FE', auth)).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect(await get('/api/reseller/clients/%ZZ')).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect(await get('/brand/%ZZ/logo')).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect(await get('/api/3rdparty/v1/message/%E0%A4%A')).toMatchObject({ status: 401, body: { code: 'unauthorized' } });
    expect(await get('/v3/reseller/accounts/%ZZ')).toMatchObject({ status: 404, body: { http_code: 404 } });
  });

  test('a 200 MB chunked body to the sign-in is refused at the limit, and the process does not grow by it', async () => {
    const before = rssMb(plain.pid);
    let sent = 0;
    const chunk = new Uint8Array(1024 * 1024).fill(0x20);
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent >= 200) return c.close();
        sent++;
        c.enqueue(chunk);
      },
    });
    const res = await fetch(`${plain.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
    expect(rssMb(plain.pid) - before).toBeLessThan(60);
  });

  test('server-action POSTs: another origin → 403, a body Next cannot decode → 400, never a 500', async () => {
    const page = await (await fetch(`${plain.url}/login`)).text();
    const id = /&quot;id&quot;:&quot;([0-9a-f]{40,})&quot;/.exec(page)?.[1];
    expect(id).toBeDefined();
    const post = (body: string, headers: Record<string, string> = {}) =>
      fetch(`${plain.url}/login`, {
        method: 'POST',
        headers: { 'next-action': id ?? '', 'content-type': 'text/plain;charset=UTF-8', ...headers },
        body,
      }).then((r) => r.status);
    expect(await post('[]', { origin: 'http://evil.example' })).toBe(403);
    expect(await post('garbage{')).toBe(400);
    expect(await post('[]')).toBe(400);
    expect(await post('')).toBe(400);
    expect(await post('nonsense', { 'content-type': 'multipart/form-data; boundary=zzz' })).toBe(400);
  });
});
