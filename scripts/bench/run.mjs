#!/usr/bin/env node
// npm run bench [-- --quick] [--scenario list,search,activate,send,pull,page,bulk,growth,spray] [--concurrency N] [--requests N]
//               [--no-build] [--write-docs | --no-docs]
// Loopback benchmark of the production build on PostgreSQL (the seeded bench database, see seed.mjs), side by
// side in one run with two baselines that show the limit: a bare node:http + postgres.js server sending the
// same SQL (baseline-server.mjs), pgbench running the same transactions (pgbench/*.sql) and pgbench running the
// limit: the fewest statements the job needs (pgbench/limit-*.sql). Prints a table, the targets (targets.mjs)
// and, last, `bench: N of M targets met` (exit 1 on a miss); after a full default run, rewrites the results
// section of docs/benchmarks.md. Leaves no process behind.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import postgres from 'postgres';
import {
  assertLoopback,
  BENCH_DB_URL,
  BENCH_LOGINS,
  BENCH_PASSWORD,
  fmtSecs,
  POOLS,
  ROOT,
  SCENARIO_NAMES,
  SEARCH_TERMS,
  SEND_TEXT,
  TOKENS,
} from './lib.mjs';
import { request, runLoad } from './load.mjs';
import { fill, pageFacts, runPgbench, sqlLiteral } from './pgbench.mjs';
import { children, freePort, groupCpuMs, rssSampler, startChild, stopChildren, waitReady } from './procs.mjs';
import { f1, kb, lat, machine, rate, resultsMarkdown, table, writeDocs } from './report.mjs';
import { ensureSeeded, tableCounts } from './seed.mjs';
import { evaluateTargets, summaryLine, targetsMarkdown } from './targets.mjs';
import { runBulk, runGrowth } from './usage-scenarios.mjs';

class UsageError extends Error {}

function parseArgs(argv) {
  const out = { quick: false, scenarios: SCENARIO_NAMES, concurrency: 16, requests: null, build: true, docs: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--quick') out.quick = true;
    else if (a === '--scenario' || a === '--scenarios') {
      out.scenarios = value()
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const bad = out.scenarios.filter((s) => !SCENARIO_NAMES.includes(s) && s !== 'spray');
      if (bad.length) throw new UsageError(`unknown scenario ${bad.join(', ')}; choose from ${SCENARIO_NAMES.join(', ')}`);
    } else if (a === '--concurrency') out.concurrency = boundedInt(value(), 1, 64, a);
    else if (a === '--requests') out.requests = boundedInt(value(), 10, 20_000, a);
    else if (a === '--no-build') out.build = false;
    else if (a === '--write-docs') out.docs = true;
    else if (a === '--no-docs') out.docs = false;
    else if (a === '--help' || a === '-h') {
      console.log(
        readFileSync(new URL(import.meta.url), 'utf8')
          .split('\n')
          .slice(1, 3)
          .join('\n')
          .replace(/^\/\/ ?/gm, ''),
      );
      process.exit(0);
    } else throw new UsageError(`unknown option ${a} (--help lists the options)`);
  }
  // Only a full default run replaces the recorded results, unless asked.
  out.docs ??= !out.quick && out.scenarios.length === SCENARIO_NAMES.length && out.requests === null;
  return out;
}

function boundedInt(v, min, max, name) {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${name} must be a whole number from ${min} to ${max}`);
  return n;
}

/** Requests per side (warm-up, measured); the write pools bound activate and pull. */
function plan(opts) {
  const quick = opts.quick;
  // Sized for about a minute per scenario on a 2-core machine (ours is the slow side).
  const base = { list: 1500, search: 1500, activate: 1500, send: 4000, pull: 2500, page: 600, bulk: 64, growth: 1500 };
  const warm = { list: 150, search: 150, activate: 150, send: 200, pull: 200, page: 60, bulk: 16, growth: 100 };
  const out = {};
  for (const s of SCENARIO_NAMES) {
    let n = opts.requests ?? (quick ? (s === 'page' || s === 'bulk' ? 32 : 150) : base[s]);
    const w = quick ? Math.min(20, warm[s]) : warm[s];
    const pool = s === 'activate' ? POOLS.act : s === 'pull' ? POOLS.pull : Infinity;
    // The pool must hold the warm-up and the measured requests, and pgbench's whole rounds of -c transactions.
    n = Math.min(n, pool - w, Math.floor(pool / opts.concurrency) * opts.concurrency);
    out[s] = { requests: n, warmup: w };
  }
  return out;
}

// ---- sign-in for the server-rendered page (Auth.js credentials, as a browser does it) ----

function cookiesFrom(headers, jar) {
  for (const c of [headers['set-cookie'] ?? []].flat()) {
    const [pair] = c.split(';');
    const i = pair.indexOf('=');
    jar.set(pair.slice(0, i).trim(), pair.slice(i + 1));
  }
  return jar;
}
const cookieHeader = (jar) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

async function signIn(url, email, password) {
  const jar = new Map();
  const csrf = await request(url, { path: '/api/auth/csrf' });
  cookiesFrom(csrf.headers, jar);
  const { csrfToken } = JSON.parse(csrf.body);
  const form = new URLSearchParams({ csrfToken, email, password, callbackUrl: `${url}/reseller` }).toString();
  const res = await request(url, {
    method: 'POST',
    path: '/api/auth/callback/credentials',
    body: form,
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar) },
  });
  cookiesFrom(res.headers, jar);
  if (![...jar.keys()].some((k) => k.includes('session-token')))
    throw new Error(`sign-in as ${email} failed: ${res.status} ${res.headers.location ?? ''}`);
  const page = await request(url, { path: '/reseller/clients', headers: { cookie: cookieHeader(jar) } });
  if (page.status !== 200 || !page.body.includes('Clients')) throw new Error(`the signed-in clients page answered ${page.status}`);
  return cookieHeader(jar);
}

// ---- resets: each write scenario starts from the same state on every side ----

async function ensureActivationCredit(sql, resellerId, need) {
  const [r] = await sql`select credit_balance::bigint as b from resellers where id = ${resellerId}`;
  if (Number(r.b) >= need) return;
  // A top-up through the ledger, as the app books one: balance and ledger move together.
  await sql.begin(async (tx) => {
    const amount = 1_000_000_000_000;
    const [u] =
      await tx`update resellers set credit_balance = credit_balance + ${amount} where id = ${resellerId} returning credit_balance::bigint as b`;
    await tx`insert into ledger_entries (account, account_id, reseller_id, kind, amount, balance_after, method, reference, note)
      values ('reseller_credit', ${resellerId}, ${resellerId}, 'topup', ${amount}, ${u.b}, 'bank_transfer', 'BENCH-TOPUP', 'Benchmark top-up')`;
  });
}

function resets(sql, m) {
  const [actLo, actHi] = m.pools.act;
  const [sendLo, sendHi] = m.pools.send;
  const [pullLo, pullHi] = m.pools.pull;
  return {
    // Cancel the bench's own activations, so every request is again a first ("new") activation.
    activate: async () => {
      await sql`update subscriptions set canceled_at = now() where client_id between ${actLo} and ${actHi} and canceled_at is null`;
      await ensureActivationCredit(sql, m.resellers.act, 10 * 50_000 * POOLS.act);
    },
    // The send clients start each run with no SMS of their own.
    send: async () => {
      await sql`delete from message_recipients where message_id in (select id from messages where client_id between ${sendLo} and ${sendHi})`;
      await sql`delete from messages where client_id between ${sendLo} and ${sendHi}`;
      await sql`delete from usage_counters where client_id between ${sendLo} and ${sendHi}`;
    },
    // Every pull device again has its queue of pending SMS and has not been seen.
    pull: async () => {
      await sql`update messages set state = 'pending', claimed_by = null, claimed_at = null, valid_until = now() + interval '1 day',
          states = jsonb_build_object('pending', to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')), updated_at = created_at
        where client_id between ${pullLo} and ${pullHi} and state <> 'pending'`;
      await sql`update message_recipients r set state = 'pending' from messages m
        where m.id = r.message_id and m.client_id between ${pullLo} and ${pullHi} and r.state <> 'pending'`;
      await sql`update devices set last_seen_at = null where client_id between ${pullLo} and ${pullHi}`;
    },
  };
}

// ---- the scenarios ----

function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function buildScenarios(sql, m, ctx) {
  const listId = m.resellers.list;
  const actId = m.resellers.act;
  const [actLo] = m.pools.act;
  const [sendLo, sendHi] = m.pools.send;
  const pages = Math.ceil(m.list_clients / 20);
  const [{ id: pkgId }] = await sql`select id from packages where code = 'starter_pro'`;
  const tpl = (f) => readFileSync(path.join(ROOT, 'scripts', 'bench', 'pgbench', f), 'utf8');
  const ours = (token) => ({ authorization: `Bearer ${token}` });
  const base = (actor) => ({ authorization: `Bearer ${ctx.baselineToken}`, 'x-actor': String(actor) });
  const sendClients = sendHi - sendLo + 1;
  // The same pseudo-random sequence of pages and terms for both servers.
  const pageOf = (i) => 1 + Math.floor(prng(1000 + i)() * pages);
  const termOf = (i) => SEARCH_TERMS[Math.floor(prng(2000 + i)() * SEARCH_TERMS.length)];
  const listPageScripts = async (template, count) => {
    const step = Math.max(1, Math.floor(pages / count));
    const out = [];
    for (let p = 1; p <= pages && out.length < count; p += step) out.push(fill(template, await pageFacts(sql, listId, { page: p })));
    return out;
  };
  return {
    list: {
      title: 'GET /api/reseller/clients?page=N',
      what: `a random page (1-${pages}) of the biggest reseller's ${m.list_clients.toLocaleString('en-US')} clients, 20 a page`,
      ours: (i) => ({ path: `/api/reseller/clients?page=${pageOf(i)}`, headers: ours(TOKENS.list) }),
      baseline: (i) => ({ path: `/api/reseller/clients?page=${pageOf(i)}`, headers: base(listId) }),
      pgbench: async () => ({ scripts: await listPageScripts(tpl('list.sql'), 64), vars: { rid: listId } }),
      limit: async () => ({ scripts: await listPageScripts(tpl('limit-list.sql'), 64), vars: { rid: listId } }),
    },
    search: {
      title: 'GET /api/reseller/clients?search=…',
      what: `one of ${SEARCH_TERMS.length} searches (names, an email domain, a phone prefix, one with no match) over the same reseller's clients`,
      ours: (i) => ({ path: `/api/reseller/clients?search=${encodeURIComponent(termOf(i))}`, headers: ours(TOKENS.list) }),
      baseline: (i) => ({ path: `/api/reseller/clients?search=${encodeURIComponent(termOf(i))}`, headers: base(listId) }),
      pgbench: async () => ({
        scripts: await Promise.all(SEARCH_TERMS.map(async (t) => fill(tpl('list.sql'), await pageFacts(sql, listId, { search: t })))),
        vars: { rid: listId },
      }),
      limit: async () => ({
        scripts: await Promise.all(SEARCH_TERMS.map(async (t) => fill(tpl('limit-list.sql'), await pageFacts(sql, listId, { search: t })))),
        vars: { rid: listId },
      }),
    },
    activate: {
      title: 'POST /api/reseller/clients/{id}/activate',
      what: 'a first Starter Pro activation of a different expired-trial client per request, all of one reseller (its balance row is locked by each)',
      ours: (i) => ({
        method: 'POST',
        path: `/api/reseller/clients/${actLo + i}/activate`,
        headers: ours(TOKENS.act),
        body: { package_type: 'starter_pro' },
      }),
      baseline: (i) => ({
        method: 'POST',
        path: `/api/reseller/clients/${actLo + i}/activate`,
        headers: base(actId),
        body: { package_type: 'starter_pro' },
      }),
      pgbench: async () => ({ scripts: [tpl('activate.sql')], vars: { it: 0, rid: actId, lo: actLo, nc: ctx.concurrency, pkg: pkgId } }),
      limit: async () => ({ scripts: [tpl('limit-activate.sql')], vars: { it: 0, rid: actId, lo: actLo, nc: ctx.concurrency } }),
      expect: (s) => s === 201,
    },
    send: {
      title: 'POST /api/v1/sms/send',
      what: `one SMS to one number, from ${sendClients} clients in turn (each send locks its client row)`,
      ours: (i) => ({
        method: 'POST',
        path: '/api/v1/sms/send',
        headers: ours(TOKENS.send(i % sendClients)),
        body: { phone: `+9594${String(i).padStart(8, '0')}`, message: SEND_TEXT },
      }),
      baseline: (i) => ({
        method: 'POST',
        path: '/api/v1/sms/send',
        headers: base(sendLo + (i % sendClients)),
        body: { phone: `+9594${String(i).padStart(8, '0')}`, message: SEND_TEXT },
      }),
      pgbench: async () => ({
        scripts: [fill(tpl('send.sql'), { text: sqlLiteral(SEND_TEXT).slice(1, -1) })],
        vars: { lo: sendLo, hi: sendHi },
      }),
      limit: async () => ({
        scripts: [fill(tpl('limit-send.sql'), { text: sqlLiteral(SEND_TEXT).slice(1, -1) })],
        vars: { lo: sendLo, hi: sendHi },
      }),
      expect: (s) => s === 202,
    },
    pull: {
      title: 'GET /api/mobile/v1/message (device pull)',
      what: `a different phone per request claims its ${POOLS.pullQueue} pending SMS and gets them back`,
      ours: (i) => ({ path: '/api/mobile/v1/message', headers: { authorization: `Bearer ${TOKENS.pull(i + 1)}` } }),
      baseline: (i) => ({ path: '/api/mobile/v1/message', headers: { authorization: `Bearer ${TOKENS.pull(i + 1)}` } }),
      pgbench: async () => ({
        scripts: [fill(tpl('pull.sql'), { token_prefix: TOKENS.pullPrefix })],
        vars: { it: 0, nc: ctx.concurrency },
      }),
      limit: async () => ({
        scripts: [fill(tpl('limit-pull.sql'), { token_prefix: TOKENS.pullPrefix })],
        vars: { it: 0, nc: ctx.concurrency },
      }),
    },
    page: {
      title: 'GET /reseller/clients (page, server render)',
      what: "the signed-in reseller's clients page (a random page of the same list): layout, session checks, list, price list, HTML",
      ours: (i) => ({ path: `/reseller/clients${pageOf(i) > 1 ? `?page=${pageOf(i)}` : ''}`, headers: { cookie: ctx.cookie } }),
      baseline: (i) => ({ path: `/reseller/clients${pageOf(i) > 1 ? `?page=${pageOf(i)}` : ''}`, headers: base(listId) }),
      pgbench: async () => ({ scripts: await listPageScripts(tpl('page.sql'), 64), vars: { rid: listId } }),
      limit: async () => ({ scripts: await listPageScripts(tpl('limit-page.sql'), 64), vars: { rid: listId } }),
    },
    bulk: {
      title: 'POST /api/v1/sms/send (bulk, 1,000 recipients), recipients/s',
      what: `1,000 numbers a request from ${sendClients} clients in turn; the limit is pgbench inserting the same rows`,
      custom: (run) =>
        runBulk({
          ...run,
          sendLo,
          sendHi,
          token: TOKENS.send,
          baseHeaders: base,
          text: SEND_TEXT,
          reset: ctx.reset.send,
        }),
    },
    growth: {
      title: 'POST /api/v1/sms/send, one client at 0 and at 15,000 SMS in its period',
      what: 'the same client sends single SMS with an empty period, then with 15,000 SMS already counted in it',
      custom: (run) =>
        runGrowth({ ...run, sql, clientId: sendHi, token: TOKENS.send(sendHi - sendLo), text: SEND_TEXT, resetClient: ctx.reset.send }),
    },
  };
}

// ---- main ----

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  // The sign-in spray (spray.mjs) runs on a server and database of its own, before the rest.
  if (opts.scenarios.includes('spray')) {
    await (await import('./spray.mjs')).runSpray({ build: opts.build, quick: opts.quick });
    opts.scenarios = opts.scenarios.filter((s) => s !== 'spray');
    if (!opts.scenarios.length) return;
  }
  const started = new Date();
  const loadBefore = os.loadavg();
  const t0 = performance.now();
  assertLoopback(BENCH_DB_URL, 'BENCH_DATABASE_URL');
  const probe = spawnSync('pgbench', ['--version'], { encoding: 'utf8' });
  if (probe.status !== 0) throw new Error('pgbench is not installed (Debian: apt-get install postgresql-client)');

  const marker = await ensureSeeded({ log: (l) => console.log(l) });
  const tStart = performance.now();
  if (opts.build) {
    console.log('[bench] production build (skipped when the sources did not change)…');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs'), '--build-only'], {
      cwd: ROOT,
      stdio: 'inherit',
      timeout: 900_000,
      env: { ...process.env, AUTH_SECRET: process.env.AUTH_SECRET || randomBytes(32).toString('base64url') },
    });
    if (r.status !== 0) throw new Error(`the build failed (${r.status ?? r.signal})`);
  } else if (!existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) throw new Error('--no-build, but there is no production build in .next');

  const workDir = mkdtempSync(path.join(os.tmpdir(), 'sms-bench-'));
  const sql = postgres(BENCH_DB_URL, { max: 2, onnotice: () => {} });
  try {
    const [{ version: pgVersion }] = await sql`select version()`;
    const counts = await tableCounts(sql);
    const [oursPort, basePort] = [await freePort(), await freePort()];
    const oursUrl = `http://127.0.0.1:${oursPort}`;
    const baseUrl = `http://127.0.0.1:${basePort}`;
    const baselineToken = randomBytes(24).toString('base64url');
    const env = { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' };
    delete env.PGLITE_DIR;
    const ours = startChild(
      'next',
      [path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(oursPort), '-H', '127.0.0.1'],
      {
        ...env,
        DATABASE_URL: BENCH_DB_URL,
        PORT: String(oursPort),
        AUTH_SECRET: randomBytes(32).toString('base64url'),
        AUTH_TRUST_HOST: 'true',
        // Throughput, not the limiter, is measured: the per-token and sign-in limits are raised out of the way
        // (the counter is still written on every request). The background workers are off: they would add
        // load of their own and move the bench's pending messages.
        API_RATE_LIMIT: '1000000000',
        LOGIN_RATE_LIMIT: '1000000',
        DISABLE_WORKERS: '1',
        SEED_DEMO: '',
      },
      workDir,
    );
    const base = startChild(
      'baseline',
      [path.join(ROOT, 'scripts', 'bench', 'baseline-server.mjs')],
      {
        ...env,
        DATABASE_URL: BENCH_DB_URL,
        BASELINE_PORT: String(basePort),
        BASELINE_TOKEN: baselineToken,
        BASELINE_POOL_MAX: '10',
      },
      workDir,
    );
    await waitReady('next start', ours, oursUrl, {
      path: '/api/reseller/clients?limit=1',
      headers: { authorization: `Bearer ${TOKENS.list}` },
    });
    await waitReady('baseline', base, baseUrl, {
      path: '/api/reseller/clients?limit=1',
      headers: { authorization: `Bearer ${baselineToken}`, 'x-actor': String(marker.resellers.list) },
    });
    console.log(`[bench] servers ready: ours ${oursUrl} (next start, production build), node:http baseline ${baseUrl}`);
    const cookie = opts.scenarios.includes('page') ? await signIn(oursUrl, BENCH_LOGINS.list, BENCH_PASSWORD) : '';

    const servers = { ours, baseline: base };
    const planned = plan(opts);
    const reset = resets(sql, marker);
    const scenarios = await buildScenarios(sql, marker, { baselineToken, cookie, concurrency: opts.concurrency, reset });
    const results = [];
    const rss = rssSampler(ours.pid);
    for (const name of opts.scenarios) {
      const s = scenarios[name];
      const { requests, warmup } = planned[name];
      const row = { name, title: s.title, what: s.what };
      console.log(`\n[bench] ${name}: ${s.title} — ${requests} requests per side at concurrency ${opts.concurrency}`);
      if (s.custom) {
        const cpuOf = (side) => groupCpuMs(servers[side].pid);
        const run = { oursUrl, baseUrl, concurrency: opts.concurrency, requests, warmup, url: BENCH_DB_URL, workDir, cpuOf };
        Object.assign(row, await s.custom(run));
        for (const [side, r] of Object.entries(row).filter(([, v]) => v && typeof v === 'object' && 'rps' in v))
          console.log(
            `  ${side.padEnd(8)} ${rate(r.rps).padStart(7)} /s     p50/p95/p99 ${lat(r)} ms${r.failures ? `  ⚠ ${r.failures} failed: ${r.firstFailure ?? ''}` : ''}`,
          );
        results.push(row);
        continue;
      }
      for (const [side, url, make] of [
        ['ours', oursUrl, s.ours],
        ['baseline', baseUrl, s.baseline],
      ]) {
        await reset[name]?.();
        if (warmup) await runLoad({ baseUrl: url, total: warmup, concurrency: opts.concurrency, makeRequest: make, expect: s.expect });
        const cpu0 = groupCpuMs(servers[side].pid);
        const r = await runLoad({
          baseUrl: url,
          total: requests,
          concurrency: opts.concurrency,
          makeRequest: (i) => make(warmup + i),
          expect: s.expect,
        });
        r.cpuMsPerRequest = (groupCpuMs(servers[side].pid) - cpu0) / requests;
        row[side] = r;
        console.log(
          `  ${side.padEnd(8)} ${rate(r.rps).padStart(7)} req/s  p50/p95/p99 ${lat(r)} ms  server CPU ${f1(r.cpuMsPerRequest)} ms/req  ${kb(r.bytesPerResponse)}/resp${r.failures ? `  ⚠ ${r.failures} failed: ${r.firstFailure}` : ''}`,
        );
      }
      await reset[name]?.();
      const pb = await s.pgbench();
      row.pgbench = await runPgbench({ url: BENCH_DB_URL, ...pb, clients: opts.concurrency, transactions: requests, workDir, name });
      console.log(
        `  pgbench  ${rate(row.pgbench.rps).padStart(7)} tps    p50/p95/p99 ${lat(row.pgbench)} ms (${row.pgbench.count} transactions)${row.pgbench.failures ? `  ⚠ ${row.pgbench.failures} failed` : ''}`,
      );
      await reset[name]?.();
      const lim = await s.limit();
      row.limit = await runPgbench({
        url: BENCH_DB_URL,
        ...lim,
        clients: opts.concurrency,
        transactions: requests,
        workDir,
        name: `${name}-limit`,
      });
      console.log(
        `  limit    ${rate(row.limit.rps).padStart(7)} tps    p50/p95/p99 ${lat(row.limit)} ms (${row.limit.count} transactions)${row.limit.failures ? `  ⚠ ${row.limit.failures} failed` : ''}`,
      );
      await reset[name]?.();
      results.push(row);
    }

    // The money invariant still holds after every activation the three sides made.
    const [bad] = await sql`select count(*)::int as n from resellers r where credit_balance <>
      (select coalesce(sum(amount), 0) from ledger_entries l where l.account = 'reseller_credit' and l.account_id = r.id)`;
    console.log(`\n[bench] balance = sum(ledger) for every reseller: ${bad.n === 0 ? 'yes' : `NO (${bad.n} differ)`}`);
    const rssMax = rss.stop();
    const totalMs = performance.now() - tStart;
    const targets = evaluateTargets(results, rssMax);
    const section = resultsMarkdown({
      results,
      env: machine(pgVersion),
      counts,
      marker,
      opts,
      planned,
      started,
      totalMs,
      loadBefore,
      targets,
      rssMax,
    });
    console.log(`\n${table(results)}\n`);
    console.log(`${targetsMarkdown(targets)}\n`);
    console.log(`[bench] ${fmtSecs(totalMs)} (seed excluded; ${fmtSecs(performance.now() - t0)} with the seed check)`);
    if (opts.docs) console.log(`[bench] results written to ${path.relative(ROOT, writeDocs(section))}`);
    else console.log('[bench] docs/benchmarks.md left as it is (a --quick, --scenario or --requests run; --write-docs to record it)');
    // The last line, always: how many targets this run met (a miss makes the exit status 1).
    console.log(summaryLine(targets));
    if (targets.some((t) => !t.met)) process.exitCode = 1;
  } finally {
    await stopChildren();
    await sql.end({ timeout: 5 });
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** Whatever happens (end, error, Ctrl-C), the servers and pgbench go with the bench process. */
function installCleanup() {
  process.on('exit', () => {
    for (const c of children) {
      try {
        process.kill(-c.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      console.error(`\n[bench] ${sig}: stopping the servers`);
      stopChildren().finally(() => process.exit(130));
    });
  }
}

// Only when run as a program: importing this module starts nothing.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  installCleanup();
  main().then(
    () => process.exit(process.exitCode ?? 0),
    async (err) => {
      console.error(`[bench] ${err instanceof UsageError ? err.message : `failed: ${err.stack ?? err.message}`}`);
      await stopChildren();
      process.exit(1);
    },
  );
}
