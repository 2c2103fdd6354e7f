// The one database handle: postgres.js when DATABASE_URL is set, file-backed PGlite otherwise.
// Nothing above db/ knows which one it got.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

export type Db = PgDatabase<PgQueryResultHKT>;
export type DbKind = 'postgres' | 'pglite';

export interface DbHandle {
  db: Db;
  kind: DbKind;
  close: () => Promise<void>;
  /** A new pool with the same options (PostgreSQL only): see recyclePool. */
  reopen?: () => Promise<DbHandle>;
}

export const MIGRATIONS_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), 'db', 'migrations');

export interface OpenOptions {
  /** postgres:// URL; without it PGlite is used. */
  url?: string;
  /** PGlite data directory; 'memory://' for an in-memory database. */
  dataDir?: string;
  /** postgres.js pool size. */
  max?: number;
  /** application_name the PostgreSQL connections show in pg_stat_activity. */
  appName?: string;
}

export async function openDatabase(opts: OpenOptions = {}): Promise<DbHandle> {
  if (opts.url) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const client = postgres(opts.url, {
      max: opts.max ?? 10,
      onnotice: () => {},
      connection: { application_name: opts.appName ?? 'sms-platform' },
    });
    const { preparedStatements } = await import('./prepared');
    const db = drizzle(process.env.DATABASE_PREPARE === '0' ? client : preparedStatements(client)) as unknown as Db;
    return { db, kind: 'postgres', close: () => client.end({ timeout: 5 }), reopen: () => openDatabase(opts) };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const dataDir = opts.dataDir ?? defaultPgliteDir();
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = new PGlite(dataDir);
  await client.waitReady;
  const db = drizzle(client) as unknown as Db;
  return { db, kind: 'pglite', close: () => client.close() };
}

/**
 * A value built once per database handle and kept while the handle lives (a Drizzle prepared query: its SQL
 * built once, then only bound on every call). `build` runs on a handle's first use.
 */
export function perHandle<T>(build: (db: Db) => T): (db: Db) => T {
  const built = new WeakMap<Db, T>();
  return (db) => {
    let value = built.get(db);
    if (value === undefined) built.set(db, (value = build(db)));
    return value;
  };
}

export function defaultPgliteDir(): string {
  return path.resolve(process.env.PGLITE_DIR ?? path.join(/*turbopackIgnore: true*/ process.cwd(), 'data', 'pglite'));
}

/** Applies the drizzle-kit migrations; on PostgreSQL under an advisory lock so that instances can start together. */
export async function migrateDatabase(handle: DbHandle): Promise<void> {
  if (handle.kind === 'postgres') {
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    await handle.db.execute(sql`select pg_advisory_lock(727274)`);
    try {
      await migrate(handle.db as never, { migrationsFolder: MIGRATIONS_DIR });
    } finally {
      await handle.db.execute(sql`select pg_advisory_unlock(727274)`);
    }
    return;
  }
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  await migrate(handle.db as never, { migrationsFolder: MIGRATIONS_DIR });
}

// One handle per process (PGlite must never be opened twice), kept across Next's module reloads.
const globalKey = Symbol.for('sms-platform.db');
type GlobalWithDb = typeof globalThis & { [globalKey]?: Promise<DbHandle> };

/** The process-wide, migrated database. */
export function getDbHandle(): Promise<DbHandle> {
  const g = globalThis as GlobalWithDb;
  if (!g[globalKey]) {
    g[globalKey] = (async () => {
      const handle = await openDatabase({ url: process.env.DATABASE_URL || undefined });
      await migrateDatabase(handle);
      return handle;
    })();
    g[globalKey].catch(() => {
      delete g[globalKey];
    });
  }
  return g[globalKey];
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** Tests and scripts install their own handle. */
export function setDbHandle(handle: DbHandle): void {
  (globalThis as GlobalWithDb)[globalKey] = Promise.resolve(handle);
}

/**
 * postgres.js 3.4.9 (porsager/postgres#1154, #1208): when the connection under a transaction dies, the
 * driver writes its ROLLBACK to the dead socket from a timer, which throws this TypeError as an uncaught
 * exception, and that pool slot never connects again (every later query on it: CONNECT_TIMEOUT).
 */
export function isPoolBreakingDriverError(err: unknown): boolean {
  return err instanceof TypeError && /reading 'write'/.test(err.message) && /postgres[\\/]src[\\/]connection\.js/.test(err.stack ?? '');
}

const recycling = Symbol.for('sms-platform.db-recycling');
type GlobalRecycling = typeof globalThis & { [recycling]?: Promise<DbHandle | null> };

/**
 * Replaces the process's PostgreSQL pool with a fresh one; requests already running finish on the old one,
 * which is closed after `graceMs`. Concurrent calls share one replacement. Resolves to the new handle.
 */
export function recyclePool(graceMs = 30_000): Promise<DbHandle | null> {
  const g = globalThis as GlobalRecycling & GlobalWithDb;
  if (g[recycling]) return g[recycling];
  const run = (async () => {
    const old = await g[globalKey];
    if (!old?.reopen) return null;
    const fresh = await old.reopen();
    g[globalKey] = Promise.resolve(fresh);
    setTimeout(() => {
      old.close().catch(() => undefined);
    }, graceMs).unref();
    console.warn('[db] replaced the connection pool: the driver lost a connection in the middle of a transaction');
    return fresh;
  })();
  g[recycling] = run;
  void run
    .finally(() => {
      delete g[recycling];
    })
    .catch(() => undefined);
  return run;
}

/** In the server process: a pool broken by the driver bug above is replaced at once instead of staying broken. */
export function installPoolRecovery(): () => void {
  const listener = (err: Error) => {
    if (isPoolBreakingDriverError(err)) void recyclePool().catch(() => undefined);
  };
  process.on('uncaughtException', listener);
  return () => {
    process.removeListener('uncaughtException', listener);
  };
}

/** Rows of a raw `db.execute(sql...)`: postgres.js answers an array, PGlite an object with `rows`. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
