// CPU per call of our route handlers and services in one process, against the node:http baseline's functions
// running the same SQL (docs/benchmarks.md, "Where ours spends its time"): no HTTP, no load generator, so what
// is left is our JavaScript against the bare postgres.js code. On the seeded bench database (npm run bench:seed).
//
//   node --import ./scripts/bench/server-only-hook.mjs --import tsx scripts/bench/in-process.mts [send|pull|list|activate ...] [--calls N]
//
// Each case runs at concurrency 16: a warm-up of 500 calls, then N calls measured with process.cpuUsage(), twice (the two
// rounds show the spread). Add --cpu-prof --cpu-prof-dir=DIR after `node` for a profile with readable names.
import postgres from 'postgres';
import { createBaseline } from './baseline-server.mjs';
import { assertLoopback, BENCH_DB_URL, POOLS, TOKENS } from './lib.mjs';
import { ensureSeeded } from './seed.mjs';
import { resets } from './setup.mjs';

const args = process.argv.slice(2);
const callsAt = args.indexOf('--calls');
/** Calls before each measured round (V8 optimises the hot code meanwhile). */
const WARMUP = 500;
// The pull's pool has 3,000 phones, one pull each a round (warm-up included).
const calls = Math.min(callsAt >= 0 ? Number(args[callsAt + 1]) : 1500, POOLS.pull - WARMUP);
const picked = args.filter((a, i) => !a.startsWith('--') && (callsAt < 0 || i !== callsAt + 1));
const CASES = ['send', 'pull', 'list', 'activate'];
for (const c of picked) if (!CASES.includes(c)) throw new Error(`unknown case ${c} (${CASES.join(', ')})`);
assertLoopback(BENCH_DB_URL, 'database');
process.env.DATABASE_URL = BENCH_DB_URL;
process.env.API_RATE_LIMIT ??= '1000000000';
process.env.NODE_ENV = 'production';

const marker = await ensureSeeded({ log: () => {} });
const raw = postgres(BENCH_DB_URL, { max: 10, onnotice: () => {} });
const reset = resets(raw, marker);
const base = createBaseline(raw);
const { getDb } = await import('@/db');
const db = await getDb();
const { actorFromToken } = await import('@/lib/services/auth');
const concurrency = 16;

async function measure(name: string, one: (k: number) => Promise<unknown>, before?: () => Promise<unknown>) {
  const perCall: string[] = [];
  for (let round = 0; round < 2; round++) {
    await before?.();
    let i = 0;
    const run = async (n: number) => {
      const end = i + n;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (i < end) await one(i++);
        }),
      );
    };
    await run(WARMUP);
    const t = process.cpuUsage();
    await run(calls);
    const u = process.cpuUsage(t);
    perCall.push(((u.user + u.system) / calls / 1000).toFixed(3));
  }
  console.log(`${name.padEnd(30)} ${perCall.join(' / ')} ms of CPU a call`);
}

const ok = async (res: Response, want: number) => {
  if (res.status !== want) throw new Error(`${res.status} ${await res.text()}`);
  await res.arrayBuffer();
};
const clearLimits = () => raw`delete from rate_limits`;

for (const name of picked.length ? picked : CASES) {
  console.log(`[in-process] ${name}: ${calls} calls a round at concurrency ${concurrency}`);
  if (name === 'send') {
    const [lo, hi] = marker.pools.send;
    const n = hi - lo + 1;
    const { POST } = await import('@/app/api/v1/sms/send/route');
    const { queueMessagesReport } = await import('@/lib/services/messages');
    const phone = (k: number) => `+9594${String(80_000_000 + k).padStart(8, '0')}`;
    const text = 'Your verification code is 482913. (in-process)';
    const actors = await Promise.all(
      Array.from({ length: n }, async (_, k) => ({
        userId: (await actorFromToken(db, TOKENS.send(k), 'client', null)).userId,
        role: 'client' as const,
        ip: null,
      })),
    );
    const before = async () => {
      await reset.send();
      await clearLimits();
    };
    await measure(
      'route handler',
      (k) =>
        POST(
          new Request('http://127.0.0.1/api/v1/sms/send', {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKENS.send(k % n)}` },
            body: JSON.stringify({ phone: phone(k), message: text }),
          }),
        ).then((r) => ok(r, 202)),
      before,
    );
    await measure('API-key statement', (k) => actorFromToken(db, TOKENS.send(k % n), 'client', null), clearLimits);
    await measure(
      'service (queueMessagesReport)',
      (k) => queueMessagesReport(db, actors[k % n], { messages: [{ phones: [phone(k)] }], text, source: 'api' }),
      before,
    );
    await measure('baseline, same SQL', (k) => base.queueMessage(lo + (k % n), [phone(k)], text), before);
  } else if (name === 'pull') {
    const { GET } = await import('@/app/api/mobile/v1/message/route');
    const before = async () => {
      await reset.pull();
      await clearLimits();
    };
    const token = (k: number) => TOKENS.pull(1 + k);
    await measure(
      'route handler',
      (k) =>
        GET(new Request('http://127.0.0.1/api/mobile/v1/message', { headers: { authorization: `Bearer ${token(k)}` } })).then((r) =>
          ok(r, 200),
        ),
      before,
    );
    await measure('baseline, same SQL', async (k) => JSON.stringify(await base.pull(token(k))), before);
  } else if (name === 'list') {
    const { GET } = await import('@/app/api/reseller/clients/route');
    const pages = Math.ceil(marker.list_clients / 20);
    const page = (k: number) => 1 + ((k * 7) % pages);
    await measure(
      'route handler',
      (k) =>
        GET(
          new Request(`http://127.0.0.1/api/reseller/clients?page=${page(k)}`, { headers: { authorization: `Bearer ${TOKENS.list}` } }),
        ).then((r) => ok(r, 200)),
      clearLimits,
    );
    await measure('baseline, same SQL', async (k) =>
      JSON.stringify(await base.listClients(raw, marker.resellers.list, { page: page(k), limit: 20 })),
    );
  } else if (name === 'activate') {
    const [lo] = marker.pools.act;
    const { activatePackage } = await import('@/lib/services/activation');
    const t = await actorFromToken(db, TOKENS.act, 'reseller', null);
    const actor = { userId: t.userId, role: 'reseller' as const, ip: null };
    await measure('service (activatePackage)', (k) => activatePackage(db, actor, lo + k, { package_type: 'starter_pro' }), reset.activate);
    await measure('baseline, same SQL', (k) => base.activatePackage(t.userId, lo + k, 'starter_pro'), reset.activate);
  }
}
await raw.end({ timeout: 5 });
process.exit(0);
