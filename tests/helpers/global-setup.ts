// A fresh database per test run: on TEST_DATABASE_URL's server a new database is created, migrated and
// dropped at the end; without it every test file gets its own in-memory PGlite.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { migrateDatabase, openDatabase } from '../../db';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) {
    console.log('[tests] TEST_DATABASE_URL is not set: using in-memory PGlite; PostgreSQL-only race tests are skipped.');
    project.provide('databaseUrl', '');
    return;
  }
  buildForInstances();
  const name = `sms_test_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), max: 1 });
  await migrateDatabase(handle);
  await handle.close();
  console.log(`[tests] PostgreSQL database ${name} created and migrated.`);
  project.provide('databaseUrl', url.toString());
  return async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
}

/**
 * The horizontal-scale tests (tests/horizontal.test.ts) serve the production build from two processes, and
 * the Kannel test (tests/smpp-kannel.test.ts) from one.
 * Build it here, before any test runs, so the build never competes with tests for the CPU; start.mjs
 * skips the build when the sources have not changed since the last one.
 */
function buildForInstances() {
  // A run of chosen files (`vitest run tests/x.test.ts`) builds only when it includes the real-server tests.
  const filters = process.argv.slice(2).filter((a) => /\.test\.ts$|^tests\//.test(a));
  if (filters.length && !filters.some((f) => f.includes('horizontal') || f.includes('serve') || f.includes('smpp-kannel'))) return;
  const root = path.resolve(import.meta.dirname, '..', '..');
  const started = Date.now();
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'start.mjs'), '--build-only'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (r.status !== 0) throw new Error(`production build for the multi-instance tests failed:\n${r.stdout}\n${r.stderr}`);
  console.log(`[tests] production build ready for the multi-instance tests (${Math.round((Date.now() - started) / 1000)} s).`);
}
