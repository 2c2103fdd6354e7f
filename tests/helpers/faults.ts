// Real faults for the fault tests (tests/faults-*.test.ts), PostgreSQL only:
// - a database of the file's own (triggers and killed backends must not disturb the files beside it);
// - "victim" handles whose connections carry an application_name, so the test can find their backends;
// - blockers: a temporary trigger that makes one chosen statement of the victim wait on an advisory lock
//   held by the test's control connection, so the test can kill the backend at exactly that point
//   (pg_terminate_backend: the connection drops; pg_cancel_backend: the statement fails);
// - a TCP proxy between a handle and the server that can cut the connection at a protocol point
//   (before a statement reaches the server, or after the server committed but before the client heard).
import { randomBytes } from 'node:crypto';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { type Db, type DbHandle, isPoolBreakingDriverError, migrateDatabase, openDatabase, setDbHandle } from '@/db';
import * as schema from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertLedgerInvariant, assertUsageInvariant } from './invariants';
import { adminWithToken } from './sessions';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Rejects if `p` has not settled within `ms`: every wait in the fault tests is bounded. */
export async function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: still waiting after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([p, limit]);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls `probe` until it answers something other than undefined (bounded). */
export async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`${what}: not seen within ${ms} ms`);
    await sleep(15);
  }
}

/** A handle whose pool the test can also destroy abruptly (a process crash: sockets closed, nothing awaited). */
export interface VictimHandle extends DbHandle {
  appName: string;
  /** Closes every connection at once, with queries in flight. */
  crash: () => Promise<void>;
}

export interface FaultDb {
  url: string;
  /** A normal pool for fixtures and checks. */
  handle: DbHandle;
  db: Db;
  /** The control connection: installs triggers, holds the blocking lock, kills backends. */
  ctl: postgres.Sql;
  victim: (opts?: { max?: number; url?: string }) => VictimHandle;
  close: () => Promise<void>;
}

const quiet = { onnotice: () => {} };

/** A new database on TEST_DATABASE_URL's server, migrated, dropped on close. Only call on PostgreSQL. */
export async function openFaultDb(): Promise<FaultDb> {
  const shared = inject('databaseUrl');
  if (!shared) throw new Error('openFaultDb needs PostgreSQL (TEST_DATABASE_URL)');
  const url = new URL(shared);
  const name = `${url.pathname.slice(1)}_f${randomBytes(4).toString('hex')}`;
  const server = postgres(shared, { max: 1, ...quiet });
  await server.unsafe(`create database ${name}`);
  url.pathname = `/${name}`;
  const dbUrl = url.toString();
  const handle = await openDatabase({ url: dbUrl, max: 10 });
  await migrateDatabase(handle);
  const ctl = postgres(dbUrl, { max: 1, ...quiet, connection: { application_name: 'fault-control' } });
  const victims: VictimHandle[] = [];
  return {
    url: dbUrl,
    handle,
    db: handle.db,
    ctl,
    victim: (opts = {}) => {
      const v = victimHandle(opts.url ?? dbUrl, opts.max ?? 1);
      victims.push(v);
      return v;
    },
    close: async () => {
      for (const v of victims) await v.crash().catch(() => undefined);
      await ctl.end({ timeout: 1 });
      await handle.close();
      await server.unsafe(`drop database if exists ${name} with (force)`);
      await server.end();
    },
  };
}

function victimHandle(url: string, max: number): VictimHandle {
  const appName = `victim-${randomBytes(4).toString('hex')}`;
  // Short connect timeout: a test that takes the server "down" must see the failure quickly.
  const client = postgres(url, { max, ...quiet, connect_timeout: 3, connection: { application_name: appName } });
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    appName,
    close: () => client.end({ timeout: 5 }),
    crash: () => within(client.end({ timeout: 0 }), 10_000, `closing ${appName}`),
  };
}

/** The backends of a victim handle. */
export async function backendsOf(ctl: postgres.Sql, appName: string): Promise<number[]> {
  const rows = await ctl<{ pid: number }[]>`select pid from pg_stat_activity where application_name = ${appName}`;
  return rows.map((r) => r.pid);
}

export async function terminate(ctl: postgres.Sql, pid: number): Promise<void> {
  await ctl`select pg_terminate_backend(${pid})`;
  // Wait until the backend is gone, so that what the test reads next is after its rollback.
  await waitFor(
    async () => ((await ctl`select 1 from pg_stat_activity where pid = ${pid}`).length ? undefined : true),
    `backend ${pid} to exit`,
  );
}

export async function cancel(ctl: postgres.Sql, pid: number): Promise<void> {
  await ctl`select pg_cancel_backend(${pid})`;
}

export type KillMode = 'terminate' | 'cancel';

export interface BlockSpec {
  table: string;
  event: 'insert' | 'update';
  /** A SQL condition on NEW: only matching rows block (the test's own reseller, client, ...). */
  when: string;
  /** A deferred constraint trigger: the statement runs, the wait happens at COMMIT. */
  atCommit?: boolean;
}

/**
 * Installs a trigger that makes matching rows wait on an advisory lock the control connection holds.
 * `victimBlocked` finds the waiting backend; `kill` terminates or cancels it; `remove` drops the trigger
 * and lets go of the lock (always call it, in a finally).
 */
export async function installBlocker(f: FaultDb, spec: BlockSpec) {
  const tag = randomBytes(4).toString('hex');
  const key = randomBytes(4).readUInt32BE(0) >>> 1; // positive: pg_locks shows it as objid
  const fn = `fault_block_${tag}`;
  const trg = `fault_trg_${tag}`;
  await f.ctl`select pg_advisory_lock(${key}::bigint)`;
  await f.ctl.unsafe(`create function ${fn}() returns trigger language plpgsql as $$
    begin
      if ${spec.when} then perform pg_advisory_xact_lock(${key}::bigint); end if;
      return new;
    end $$`);
  await f.ctl.unsafe(
    spec.atCommit
      ? `create constraint trigger ${trg} after ${spec.event} on ${spec.table} deferrable initially deferred for each row execute function ${fn}()`
      : `create trigger ${trg} before ${spec.event} on ${spec.table} for each row execute function ${fn}()`,
  );
  let removed = false;
  const blocker = {
    /** The pid of the victim's backend once it waits at the blocking point. */
    victimBlocked: (appName: string) =>
      waitFor(async () => {
        const rows = await f.ctl<{ pid: number }[]>`
        select a.pid from pg_stat_activity a join pg_locks l on l.pid = a.pid and not l.granted
        where a.application_name = ${appName} and l.locktype = 'advisory' and l.objid = ${key}::bigint::oid`;
        return rows[0]?.pid;
      }, `a backend of ${appName} blocked on ${spec.table}`),
    kill: async (pid: number, mode: KillMode) => {
      if (mode === 'terminate') await terminate(f.ctl, pid);
      else await cancel(f.ctl, pid);
    },
    remove: async () => {
      if (removed) return;
      removed = true;
      await f.ctl.unsafe(`drop trigger if exists ${trg} on ${spec.table}`);
      await f.ctl.unsafe(`drop function if exists ${fn}()`);
      await f.ctl`select pg_advisory_unlock(${key}::bigint)`;
    },
  };
  return blocker;
}

/**
 * Runs `work` on the victim, waits until it blocks at the blocker, kills its backend, and answers how
 * `work` ended (it must end: bounded). The blocker is removed before returning.
 */
export async function killDuring<T>(f: FaultDb, victim: VictimHandle, spec: BlockSpec, mode: KillMode, work: () => Promise<T>) {
  const blocker = await installBlocker(f, spec);
  try {
    const running = work();
    running.catch(() => undefined);
    const pid = await blocker.victimBlocked(victim.appName);
    await blocker.kill(pid, mode);
    return await within(
      Promise.allSettled([running]).then(([r]) => r),
      15_000,
      'the killed work to end',
    );
  } finally {
    await blocker.remove();
  }
}

/** The error of a rejected settlement as text, with its causes (Drizzle wraps the driver's error). */
export function reasonOf(r: PromiseSettledResult<unknown>): string {
  if (r.status === 'fulfilled') return 'fulfilled';
  const parts: string[] = [];
  let e = r.reason as { code?: string; message?: string; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 5; depth++) {
    parts.push(`${e.code ?? ''} ${e.message ?? String(e)}`.trim());
    e = e.cause as typeof e;
  }
  return parts.join(' <- ');
}

// ---------------------------------------------------------------------------------------------------
// postgres.js 3.4.9 bug (porsager/postgres#1154, #1208; unmerged fixes #1168, #1209): when the connection
// of a transaction dies, `begin` still writes its ROLLBACK to the dead connection; the write runs in a
// setImmediate and throws `TypeError: Cannot read properties of null (reading 'write')` as an uncaught
// exception, and that pool connection never connects again (every later query on it: CONNECT_TIMEOUT).
// Next's server logs uncaught exceptions and keeps serving, so in production this is a logged error plus
// one dead pool slot per dropped transaction. The fault tests provoke exactly that, so while they run
// this one error is counted instead of failing the run; any other uncaught exception still does. The server
// replaces its pool when it sees this error (db/index.ts installPoolRecovery; tests/faults-pool.test.ts).

export const driverBug = { hits: 0 };

/** Installs the shield (call in beforeAll); the returned function removes it (afterAll). */
export function shieldDriverBug(): () => void {
  const saved = process.listeners('uncaughtException');
  process.removeAllListeners('uncaughtException');
  const guard = (err: Error, origin: NodeJS.UncaughtExceptionOrigin) => {
    if (isPoolBreakingDriverError(err)) {
      driverBug.hits += 1;
      return;
    }
    for (const l of saved) l.call(process, err, origin);
  };
  process.on('uncaughtException', guard);
  return () => {
    process.removeListener('uncaughtException', guard);
    for (const l of saved) process.on('uncaughtException', l);
  };
}

export { type CutPoint, type FaultProxy, faultProxy } from './fault-proxy';

/**
 * Call at the top of a fault suite's describe: installs the driver-bug shield, opens a database of the
 * suite's own with an admin (`ready` receives both), and after each test puts the process handle back,
 * runs `afterEach` and checks the ledger invariant; closes everything at the end.
 */
export function faultSuite(
  ready: (s: { f: FaultDb; admin: Actor; adminToken: string }) => void,
  hooks: { afterEach?: (f: FaultDb) => Promise<unknown> } = {},
): void {
  let f: FaultDb | undefined;
  let unshield: (() => void) | undefined;
  beforeAll(async () => {
    unshield = shieldDriverBug();
    f = await openFaultDb();
    const admin = await adminWithToken(f.db);
    ready({ f, admin: admin.actor, adminToken: admin.token });
  });
  afterEach(async () => {
    if (!f) return;
    setDbHandle(f.handle);
    await assertLedgerInvariant(f.db);
    // Usage counters moved only with their messages, whatever was cut off (lib/services/usage.ts).
    await assertUsageInvariant(f.db);
    await hooks.afterEach?.(f);
  });
  afterAll(async () => {
    await f?.close();
    unshield?.();
  });
}
