#!/usr/bin/env node
// npm run bench:seed — the benchmark's database (BENCH_DATABASE_URL, default sms_bench on 127.0.0.1):
// created, migrated with the app's migrations, given the app's demo data, then filled with set-based SQL to
// 1,000 resellers, 100,000 clients and 1,000,000 messages (BENCH_MESSAGES for another count; plus the bench pools, see lib.mjs). The real
// schema, triggers and checks stay on: balances equal the sum of their ledger rows. Idempotent: a database
// already seeded at this scale and version is left as it is. `--force` re-seeds.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import postgres from 'postgres';
import {
  assertLoopback,
  BENCH_DB_URL,
  BENCH_LOGINS,
  BENCH_PASSWORD,
  dbName,
  fmtSecs,
  POOLS,
  ROOT,
  SCALE,
  SEED_VERSION,
  withDb,
} from './lib.mjs';
import { seedClients, seedDevices, seedLedger, seedPackage, seedResellers, seedSubscriptions } from './seed-accounts.mjs';
import { seedCounters, seedHistory, seedPartitions, seedPullQueues, seedTokens } from './seed-traffic.mjs';

const MARKER = 'bench_seed';

/** The seed's record in the settings table (the app reads only the keys it knows). */
export async function readMarker(url = BENCH_DB_URL) {
  const admin = postgres(withDb(url, 'postgres'), { max: 1, onnotice: () => {} });
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${dbName(url)}`;
    if (!exists) return { exists: false, marker: null };
  } finally {
    await admin.end();
  }
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [t] = await sql`select to_regclass('public.settings') as t`;
    if (!t.t) return { exists: true, marker: null };
    const [row] = await sql`select value from settings where key = ${MARKER}`;
    return { exists: true, marker: row ? JSON.parse(row.value) : null };
  } finally {
    await sql.end();
  }
}

export function markerFits(marker) {
  return Boolean(
    marker &&
      marker.version === SEED_VERSION &&
      marker.scale?.resellers === SCALE.resellers &&
      marker.scale?.clients === SCALE.clients &&
      marker.scale?.messages === SCALE.messages,
  );
}

/** Ensures a seeded bench database; returns its marker (ids of the bench accounts and pools). */
export async function ensureSeeded({ url = BENCH_DB_URL, force = false, log = console.log } = {}) {
  assertLoopback(url, 'BENCH_DATABASE_URL');
  const { exists, marker } = await readMarker(url);
  if (!force && markerFits(marker)) {
    log(`[seed] ${dbName(url)} is already seeded (version ${marker.version}, seeded ${marker.seeded_at}): nothing to do`);
    return marker;
  }
  const name = dbName(url);
  const admin = postgres(withDb(url, 'postgres'), { max: 1, onnotice: () => {} });
  try {
    if (exists) {
      // Only a bench database is ever dropped: one that carries the marker or is named like one.
      if (!marker && !/^sms_bench/.test(name))
        throw new Error(`refusing to drop ${name}: not a bench database (no ${MARKER} marker, name not sms_bench*)`);
      log(`[seed] dropping ${name} (${marker ? `seeded with version ${marker.version}` : 'incomplete seed'})`);
      await admin.unsafe(`drop database "${name.replace(/"/g, '""')}" with (force)`);
    }
    await admin.unsafe(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }
  return seed(url, log);
}

async function seed(url, log) {
  const t0 = performance.now();
  const step = async (label, fn) => {
    const s = performance.now();
    const r = await fn();
    log(`[seed] ${label.padEnd(48)} ${fmtSecs(performance.now() - s)}`);
    return r;
  };

  const hash = await step('migrations + demo data (app code)', () => appSetup(url));
  const sql = postgres(url, {
    max: 1,
    onnotice: () => {},
    connection: { synchronous_commit: 'off', work_mem: '256MB', maintenance_work_mem: '512MB' },
  });
  try {
    const [{ n: demoResellers }] = await sql`select count(*)::int as n from resellers`;
    const [{ n: demoClients }] = await sql`select count(*)::int as n from clients`;
    const nResellers = SCALE.resellers - demoResellers;
    const nClients = SCALE.clients - demoClients;
    const [{ id: adminId }] = await sql`select id from users where role = 'admin' order by id limit 1`;
    await sql`select setseed(0.42)`;

    await step('bench package', () => seedPackage(sql));
    await step(`${nResellers} resellers`, () => seedResellers(sql, { nResellers, hash }));
    await step(`${nClients} clients (users + clients rows)`, () => seedClients(sql, { nClients, nResellers, hash }));
    await step('subscriptions', () => seedSubscriptions(sql));
    await step('ledger (topups, activations, commission)', () => seedLedger(sql, { adminId }));
    await step('devices', () => seedDevices(sql));
    const nHistory = SCALE.messages;
    await step('month partitions of the history', () => seedPartitions(sql));
    await step(`${nHistory} messages over 90 days`, () => seedHistory(sql, { nHistory, log }));
    await step(`pull queues (${POOLS.pull} devices x ${POOLS.pullQueue} pending SMS)`, () => seedPullQueues(sql));
    await step('bench API tokens', () => seedTokens(sql));

    const marker = await step('pool ranges + marker', async () => {
      const range = async (pool) => {
        const [r] = await sql`select min(id)::int as lo, max(id)::int as hi, count(*)::int as n from gc where pool = ${pool}`;
        if (r.hi - r.lo + 1 !== r.n) throw new Error(`the ${pool} pool's ids are not contiguous`);
        return [r.lo, r.hi];
      };
      const ids = Object.fromEntries(
        await Promise.all(
          Object.entries(BENCH_LOGINS).map(async ([k, email]) => {
            const [u] = await sql`select id from users where email = ${email}`;
            return [k, u.id];
          }),
        ),
      );
      const [{ n: listClients }] = await sql`select count(*)::int as n from clients where reseller_id = ${ids.list}`;
      const m = {
        version: SEED_VERSION,
        scale: SCALE,
        seeded_at: new Date().toISOString(),
        resellers: { list: ids.list, act: ids.act, ops: ids.ops },
        list_clients: listClients,
        pools: { act: await range('act'), send: await range('send'), pull: await range('pull') },
      };
      await sql`insert into settings (key, value) values (${MARKER}, ${JSON.stringify(m)})
        on conflict (key) do update set value = excluded.value, updated_at = now()`;
      return m;
    });

    // The messages above were written straight to the table: their usage is counted once here, as the
    // migration that introduced the counters does (db/migrations/0012_usage_counters.sql).
    await step('usage counters', () => seedCounters(sql));

    await step('analyze', () => sql`analyze`);
    const counts = await tableCounts(sql);
    marker.seed_seconds = Math.round((performance.now() - t0) / 100) / 10;
    marker.counts = counts;
    await sql`update settings set value = ${JSON.stringify(marker)} where key = ${MARKER}`;
    log(
      `[seed] done in ${fmtSecs(performance.now() - t0)}: ${Object.entries(counts)
        .map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`)
        .join(', ')}`,
    );
    return marker;
  } finally {
    await sql.end();
  }
}

export async function tableCounts(sql) {
  const tables = [
    'users',
    'resellers',
    'clients',
    'subscriptions',
    'ledger_entries',
    'devices',
    'messages',
    'message_recipients',
    'api_tokens',
  ];
  const out = {};
  for (const t of tables) out[t] = (await sql.unsafe(`select count(*)::int as n from ${t}`))[0].n;
  return out;
}

/** Migrations and demo data through the app's own code (tsx; `server-only` stubbed, see server-only-hook.mjs). */
function appSetup(url) {
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      path.join(ROOT, 'scripts', 'bench', 'server-only-hook.mjs'),
      '--import',
      'tsx',
      path.join(ROOT, 'scripts', 'bench', 'app-setup.mjs'),
      url,
      BENCH_PASSWORD,
    ],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 300_000,
      env: { ...process.env, DATABASE_URL: url },
    },
  );
  if (r.status !== 0) throw new Error(`app setup failed (${r.status ?? r.signal}):\n${r.stderr}\n${r.stdout}`);
  const last = r.stdout.trim().split('\n').pop();
  return JSON.parse(last).hash;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  ensureSeeded({ force: process.argv.includes('--force') }).catch((err) => {
    console.error('[seed] failed:', err.message);
    process.exit(1);
  });
}
