#!/usr/bin/env node
// npm run bench [-- --quick] [--scenario list,search,activate,send,pull,page,bulk,growth,campaign,spray] [--concurrency N] [--requests N]
//               [--no-build] [--write-docs | --no-docs] [--profile DIR]
// Loopback benchmark of the production build on PostgreSQL (the seeded bench database, see seed.mjs), side by
// side in one run with two baselines that show the limit: a bare node:http + postgres.js server sending the
// same SQL (baseline-server.mjs), pgbench running the same transactions (pgbench/*.sql) and pgbench running the
// limit: the fewest statements the job needs (pgbench/limit-*.sql). Prints a table, the targets (targets.mjs)
// and, last, `bench: N of M targets met` (exit 1 on a miss); after a full default run, rewrites the results
// section of docs/benchmarks.md. Leaves no process behind.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import postgres from 'postgres';
import { serverNodeFlags } from '../server-flags.mjs';
import { parseArgs, plan, UsageError } from './args.mjs';
import { assertLoopback, BENCH_DB_URL, BENCH_LOGINS, BENCH_PASSWORD, fmtSecs, ROOT, TOKENS } from './lib.mjs';
import { mergeRuns, runLoad } from './load.mjs';
import { runPgbench } from './pgbench.mjs';
import { children, freePort, groupCpuMs, postgresCpuMs, rssSampler, startChild, stopChildren, waitReady } from './procs.mjs';
import { f1, kb, lat, machine, rate, resultsMarkdown, table, writeDocs } from './report.mjs';
import { buildScenarios } from './scenarios.mjs';
import { ensureSeeded, tableCounts } from './seed.mjs';
import { resets, signIn } from './setup.mjs';
import { evaluateTargets, summaryLine, targetsMarkdown } from './targets.mjs';

/** Turns each side takes in a scenario's measured requests (a --quick run: one). */
const ROUNDS = 3;

// ---- main ----

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  opts.rounds = opts.quick ? 1 : ROUNDS;
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
      'serve',
      // The production server `npm start` runs (scripts/serve.mjs: Next's handler behind our node:http server,
      // the API routes on their direct path; DIRECT_API=0 in the environment measures them through Next).
      [
        // --profile DIR: a V8 CPU profile of our server (written when it stops), for chrome://inspect or speedscope.
        ...(opts.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(opts.profile)}`] : []),
        ...serverNodeFlags(),
        path.join(ROOT, 'scripts', 'serve.mjs'),
        '-p',
        String(oursPort),
        '-H',
        '127.0.0.1',
      ],
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
    await waitReady('scripts/serve.mjs', ours, oursUrl, {
      path: '/api/reseller/clients?limit=1',
      headers: { authorization: `Bearer ${TOKENS.list}` },
    });
    await waitReady('baseline', base, baseUrl, {
      path: '/api/reseller/clients?limit=1',
      headers: { authorization: `Bearer ${baselineToken}`, 'x-actor': String(marker.resellers.list) },
    });
    console.log(
      `[bench] servers ready: ours ${oursUrl} (scripts/serve.mjs, production build${process.env.DIRECT_API === '0' ? ', DIRECT_API=0' : ''}), node:http baseline ${baseUrl}`,
    );
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
      // The two sides take turns, in rounds (ours first, then the baseline first, …): a slow spell of the machine
      // (a checkpoint, autovacuum, a neighbour) falls on both sides alike, not on one side's whole run.
      const sides = [
        ['ours', oursUrl, s.ours],
        ['baseline', baseUrl, s.baseline],
      ];
      const rounds = opts.rounds;
      const runs = { ours: [], baseline: [] };
      const cpu = { ours: 0, baseline: 0 };
      const dbCpu = { ours: 0, baseline: 0 };
      for (let round = 0; round < rounds; round++) {
        const from = Math.floor((requests * round) / rounds);
        const to = Math.floor((requests * (round + 1)) / rounds);
        for (const [side, url, make] of round % 2 ? [...sides].reverse() : sides) {
          await reset[name]?.();
          if (warmup && round === 0)
            await runLoad({ baseUrl: url, total: warmup, concurrency: opts.concurrency, makeRequest: make, expect: s.expect });
          const cpu0 = groupCpuMs(servers[side].pid);
          const db0 = postgresCpuMs();
          runs[side].push(
            await runLoad({
              baseUrl: url,
              total: to - from,
              concurrency: opts.concurrency,
              makeRequest: (i) => make(warmup + from + i),
              expect: s.expect,
            }),
          );
          cpu[side] += groupCpuMs(servers[side].pid) - cpu0;
          dbCpu[side] += postgresCpuMs() - db0;
        }
      }
      for (const [side] of sides) {
        const r = mergeRuns(runs[side]);
        r.cpuMsPerRequest = cpu[side] / requests;
        r.dbCpuMsPerRequest = dbCpu[side] / requests;
        r.rounds = rounds;
        row[side] = r;
        console.log(
          `  ${side.padEnd(8)} ${rate(r.rps).padStart(7)} req/s  p50/p95/p99 ${lat(r)} ms  server CPU ${f1(r.cpuMsPerRequest)} ms/req  database CPU ${f1(r.dbCpuMsPerRequest)} ms/req  ${kb(r.bytesPerResponse)}/resp${r.failures ? `  ⚠ ${r.failures} failed: ${r.firstFailure}` : ''}`,
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
