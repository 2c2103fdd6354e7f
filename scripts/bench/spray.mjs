#!/usr/bin/env node
// npm run bench -- --scenario spray [--quick] [--no-build]   (or: node scripts/bench/spray.mjs [--quick] [--no-build])
// Can a spray of failed sign-ins starve signed-in users? A signed-in client's GET /api/v1/profile, p95 while
// quiet and while 20 connections keep sending wrong passwords to POST /api/v1/auth/login: from one address
// (refused unchecked after 10 failures) and from a new address every time (X-Forwarded-For behind a trusted
// proxy: every attempt costs an argon2 verification, at most ARGON2_CONCURRENCY at a time). Target: p95 under
// spray ≤ 2 × quiet p95 (docs/ARCHITECTURE.md#sign-in). Runs the production server (scripts/serve.mjs) with
// the real sign-in limits on a throwaway PostgreSQL database next to the bench one; leaves nothing behind.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import postgres from 'postgres';
import { assertLoopback, BENCH_DB_URL, ROOT, withDb } from './lib.mjs';
import { request, runLoad } from './load.mjs';
import { freePort, startChild, stopChildren, waitReady } from './procs.mjs';

const SPRAY_CONNECTIONS = 20;
const TARGET_RATIO = 2;

/** Wrong-password sign-ins on `connections` connections until `stop()`; counts the answers. */
function spray(url, connections, rotate) {
  let running = true;
  let n = 0;
  const statuses = {};
  const loop = async () => {
    while (running) {
      const i = n++;
      const headers = { 'content-type': 'application/json' };
      // A new address per attempt: 198.18.0.0/15 (benchmarking range), as a botnet would come.
      if (rotate) headers['x-forwarded-for'] = `198.18.${(i >> 8) & 255}.${i & 255}`;
      const body = JSON.stringify({ email: `spray-${i}@example.com`, password: 'not-the-password' });
      try {
        const res = await request(url, { method: 'POST', path: '/api/v1/auth/login', headers, body }, 30_000);
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      } catch {
        statuses.error = (statuses.error ?? 0) + 1;
      }
    }
  };
  const loops = Array.from({ length: connections }, loop);
  return {
    statuses,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

const ms = (v) => v.toFixed(1);

export async function runSpray({ build = true, quick = false } = {}) {
  assertLoopback(BENCH_DB_URL, 'BENCH_DATABASE_URL');
  if (build) {
    console.log('[spray] production build (skipped when the sources did not change)…');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs'), '--build-only'], {
      cwd: ROOT,
      stdio: 'inherit',
      timeout: 900_000,
      env: { ...process.env, AUTH_SECRET: process.env.AUTH_SECRET || randomBytes(32).toString('base64url') },
    });
    if (r.status !== 0) throw new Error(`the build failed (${r.status ?? r.signal})`);
  } else if (!existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) throw new Error('--no-build, but there is no production build in .next');

  const name = `sms_bench_spray_${process.pid}`;
  const admin = postgres(withDb(BENCH_DB_URL, 'postgres'), { max: 1, onnotice: () => {} });
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'sms-spray-'));
  await admin.unsafe(`create database ${name}`);
  const requests = quick ? 300 : 1500;
  try {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' };
    delete env.PGLITE_DIR;
    delete env.LOGIN_RATE_LIMIT;
    const server = startChild(
      'serve',
      [path.join(ROOT, 'scripts', 'serve.mjs'), '-p', String(port), '-H', '127.0.0.1'],
      {
        ...env,
        DATABASE_URL: withDb(BENCH_DB_URL, name),
        PORT: String(port),
        AUTH_SECRET: randomBytes(32).toString('base64url'),
        AUTH_TRUST_HOST: 'true',
        // The load generator is the "proxy": its X-Forwarded-For is believed, so the rotating spray counts
        // as many addresses. The profile requests carry none: they come from 127.0.0.1.
        TRUSTED_PROXIES: '127.0.0.1',
        API_RATE_LIMIT: '1000000000',
        SEED_DEMO: '1',
        DISABLE_WORKERS: '1',
        SMPP_PORT: '0',
      },
      workDir,
    );
    await waitReady('serve', server, url, { path: '/api/3rdparty/v1/health' }, 180_000);
    const login = await request(url, {
      method: 'POST',
      path: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'client@example.com', password: 'client-demo-1' }),
    });
    if (login.status !== 200) throw new Error(`the demo client could not sign in: ${login.status} ${login.body.slice(0, 200)}`);
    const { token } = JSON.parse(login.body);
    const profile = () => ({ path: '/api/v1/profile', headers: { authorization: `Bearer ${token}` } });
    const measure = () => runLoad({ baseUrl: url, total: requests, concurrency: 4, makeRequest: profile });

    await runLoad({ baseUrl: url, total: 100, concurrency: 4, makeRequest: profile });
    const quiet = await measure();
    console.log(`[spray] quiet: GET /api/v1/profile p50/p95 ${ms(quiet.p50)}/${ms(quiet.p95)} ms (${requests} requests, 4 at a time)`);
    const rows = [];
    for (const [label, rotate] of [
      ['one address', false],
      ['a new address per attempt', true],
    ]) {
      const s = spray(url, SPRAY_CONNECTIONS, rotate);
      await new Promise((r) => setTimeout(r, 1000));
      const under = await measure();
      await s.stop();
      const ratio = under.p95 / quiet.p95;
      rows.push({ label, under, ratio, statuses: s.statuses });
      console.log(
        `[spray] ${SPRAY_CONNECTIONS}-connection failed-sign-in spray from ${label}: profile p50/p95 ${ms(under.p50)}/${ms(under.p95)} ms` +
          ` → p95 ratio ${ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×) ${ratio <= TARGET_RATIO ? 'ok' : 'OVER'}; sign-in answers ${JSON.stringify(s.statuses)}` +
          `${under.failures ? `  ⚠ ${under.failures} profile requests failed: ${under.firstFailure}` : ''}`,
      );
    }
    return { quiet, rows };
  } finally {
    await stopChildren();
    await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => undefined);
    await admin.end({ timeout: 5 });
    rmSync(workDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  runSpray({ build: !args.includes('--no-build'), quick: args.includes('--quick') }).then(
    () => process.exit(0),
    async (err) => {
      console.error(`[spray] failed: ${err.stack ?? err.message}`);
      await stopChildren();
      process.exit(1);
    },
  );
}
