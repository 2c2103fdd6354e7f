#!/usr/bin/env node
// Loopback throughput of POST /api/v1/sms/send against a running server (seeded with demo data):
//   node scripts/bench-send.mjs --url http://127.0.0.1:3000 [--requests 2000] [--concurrency 16]
// Sets up its own package with room for the run (admin API), a client of the demo reseller, and sends one
// SMS per request. Loopback only; bounded by --requests.
const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
const url = args.url ?? 'http://127.0.0.1:3000';
const total = Math.min(Number(args.requests ?? 2000), 50_000);
const concurrency = Math.min(Number(args.concurrency ?? 16), 256);
if (!/^https?:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/.test(url)) throw new Error('bench targets loopback only');

const json = async (path, body, token, method = 'POST') => {
  const res = await fetch(url + path, { method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body ? JSON.stringify(body) : undefined });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(data)}`);
  return data;
};
const admin = (await json('/api/admin/auth/login', { email: 'admin@example.com', password: 'admin-demo-1' })).token;
const reseller = (await json('/api/reseller/auth/login', { email: 'reseller@example.com', password: 'reseller-demo-1' })).token;
const code = `bench_${Date.now()}`;
const pkg = await json('/api/admin/packages', { code, name: 'Bench', price: 1, daily_limit: 10_000_000, period_limit: 10_000_000, device_limit: 1 }, admin);
const client = await json('/api/reseller/clients', { name: 'Bench client', email: `bench-${Date.now()}@example.com`, password: 'bench-pass-1' }, reseller);
await json(`/api/reseller/clients/${client.id}/activate`, { package_type: code }, reseller);
await json(`/api/admin/packages/${pkg.id}`, { active: false }, admin, 'PATCH');
const clientToken = (await json('/api/v1/auth/login', { email: client.email, password: 'bench-pass-1' })).token;

const times = [];
let next = 0;
let failed = 0;
const started = performance.now();
await Promise.all(Array.from({ length: concurrency }, async () => {
  while (next < total) {
    next++;
    const t0 = performance.now();
    const res = await fetch(`${url}/api/v1/sms/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${clientToken}` },
      body: JSON.stringify({ phone: `+9594${String(next).padStart(8, '0')}`, message: 'benchmark' }),
    });
    await res.arrayBuffer();
    if (res.status !== 202) failed++;
    times.push(performance.now() - t0);
  }
}));
const secs = (performance.now() - started) / 1000;
times.sort((a, b) => a - b);
const p = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
console.log(`POST /api/v1/sms/send: ${total} requests, concurrency ${concurrency}, ${failed} not 202`);
console.log(`${(total / secs).toFixed(0)} req/s · p50 ${p(0.5)} ms · p95 ${p(0.95)} ms · p99 ${p(0.99)} ms`);
