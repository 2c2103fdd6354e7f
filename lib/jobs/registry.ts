// The job registry (docs/jobs.md): periodic work defined once with defineJob({name, every, run}) and run by
// whichever instance claims it first. A claim advances the job's `next_run_at` in the same statement that
// locks its row (FOR UPDATE SKIP LOCKED), so however many instances poll, each due run is claimed exactly
// once; a job that must not overlap itself also holds a lease until its run finishes (or the lease passes,
// should the process die mid-run).
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '@/db';
import { describeError } from '@/lib/log';

export interface JobContext {
  db: Db;
  /** The time the run was claimed at. */
  now: Date;
  /** The due time this run is for. */
  dueAt: Date;
  instance: string;
}

export interface JobDefinition<R = unknown> {
  /** Unique, stable: the row in `jobs` is keyed by it. */
  name: string;
  /** Milliseconds between runs, across all instances together. */
  every: number;
  run: (ctx: JobContext) => Promise<R>;
  /**
   * Whether a new run may be claimed while an earlier one still runs (on another instance). Off by default;
   * on for work whose rows are themselves claimed with SKIP LOCKED (webhook delivery), so one slow pass
   * never holds up the next.
   */
  overlap?: boolean;
  /** How long a run may hold the job before another instance may take it over (default 10 minutes). */
  leaseMs?: number;
}

export type JobOutcome<R = unknown> =
  | { ran: false }
  | { ran: true; dueAt: Date; ok: true; result: R }
  | { ran: true; dueAt: Date; ok: false; error: string };

const registryKey = Symbol.for('sms-platform.jobs');
type GlobalWithJobs = typeof globalThis & { [registryKey]?: Map<string, JobDefinition> };

function registry(): Map<string, JobDefinition> {
  const g = globalThis as GlobalWithJobs;
  g[registryKey] ??= new Map();
  return g[registryKey];
}

/** Registers a job (a later definition of the same name replaces the earlier one: module reloads). */
export function defineJob<R>(def: JobDefinition<R>): JobDefinition<R> {
  if (!/^[a-z0-9][a-z0-9._-]{0,62}$/.test(def.name))
    throw new Error(`job name ${JSON.stringify(def.name)}: lower-case letters, digits, . _ -`);
  if (!Number.isInteger(def.every) || def.every < 100) throw new Error(`job ${def.name}: every must be an integer of at least 100 ms`);
  registry().set(def.name, def as JobDefinition);
  return def;
}

export function definedJobs(): JobDefinition[] {
  return [...registry().values()];
}

/** This process's name in job_runs.instance. */
export const INSTANCE_ID = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

/** Creates the jobs' rows (due at once when new); a changed `every` takes effect now. */
export async function ensureJobs(db: Db, defs: JobDefinition[], now = new Date()): Promise<void> {
  const ts = now.toISOString();
  for (const d of defs) {
    await db.execute(sql`insert into jobs (name, every_ms, next_run_at) values (${d.name}, ${d.every}, ${ts}::timestamptz)
      on conflict (name) do update set every_ms = excluded.every_ms,
        next_run_at = least(jobs.next_run_at, ${ts}::timestamptz + make_interval(secs => excluded.every_ms / 1000.0))`);
  }
}

interface Claim {
  runId: number;
  dueAt: Date;
}

/** Claims the job's due run, or answers null when it is not due, leased, or being claimed by another instance. */
export async function claimJob(db: Db, def: JobDefinition, now: Date, instance = INSTANCE_ID): Promise<Claim | null> {
  const ts = now.toISOString();
  const lease = def.overlap ? null : new Date(now.getTime() + (def.leaseMs ?? 10 * 60_000)).toISOString();
  const rows = rowsOf<{ id: number; due_at: string | Date }>(
    await db.execute(sql`
    with due as (
      select name, next_run_at from jobs
      where name = ${def.name} and next_run_at <= ${ts}::timestamptz and (lease_until is null or lease_until <= ${ts}::timestamptz)
      for update skip locked
    ), claimed as (
      update jobs j set next_run_at = ${ts}::timestamptz + make_interval(secs => ${def.every} / 1000.0),
        every_ms = ${def.every}, lease_until = ${lease}::timestamptz, last_started_at = ${ts}::timestamptz, runs = j.runs + 1
      from due where j.name = due.name
      returning due.next_run_at as due_at
    )
    insert into job_runs (job, due_at, instance, started_at)
    select ${def.name}, due_at, ${instance}, ${ts}::timestamptz from claimed
    returning id, due_at`),
  );
  if (!rows.length) return null;
  return { runId: Number(rows[0].id), dueAt: new Date(rows[0].due_at) };
}

async function finish(
  db: Db,
  def: JobDefinition,
  claim: Claim,
  startedAt: Date,
  outcome: { ok: boolean; error?: string; result?: unknown },
) {
  const ts = new Date().toISOString();
  const result = outcome.result === undefined ? null : JSON.stringify(outcome.result);
  await db.execute(sql`update job_runs set finished_at = ${ts}::timestamptz, ok = ${outcome.ok}, error = ${outcome.error ?? null},
    result = ${result}::jsonb where id = ${claim.runId}`);
  // Frees the lease only if it is still this run's (a run past its lease may have been taken over).
  await db.execute(sql`update jobs set lease_until = null, last_finished_at = ${ts}::timestamptz, last_error = ${outcome.error ?? null}
    where name = ${def.name} and last_started_at = ${startedAt.toISOString()}::timestamptz`);
}

/** Claims and runs the job if it is due. A failing run is recorded (job_runs.error) and does not throw. */
export async function runJobIfDue<R>(db: Db, def: JobDefinition<R>, now = new Date(), instance = INSTANCE_ID): Promise<JobOutcome<R>> {
  const claim = await claimJob(db, def as JobDefinition, now, instance);
  if (!claim) return { ran: false };
  try {
    const result = await def.run({ db, now, dueAt: claim.dueAt, instance });
    await finish(db, def as JobDefinition, claim, now, { ok: true, result });
    return { ran: true, dueAt: claim.dueAt, ok: true, result };
  } catch (err) {
    const error = describeError(err).slice(0, 2000);
    await finish(db, def as JobDefinition, claim, now, { ok: false, error }).catch(() => undefined);
    return { ran: true, dueAt: claim.dueAt, ok: false, error };
  }
}

/** When the job is next due by its row (or null without one): the runner sleeps until then. */
export async function nextDue(db: Db, name: string): Promise<Date | null> {
  const rows = rowsOf<{ next_run_at: string | Date; lease_until: string | Date | null }>(
    await db.execute(sql`select next_run_at, lease_until from jobs where name = ${name}`),
  );
  if (!rows.length) return null;
  const next = new Date(rows[0].next_run_at).getTime();
  const lease = rows[0].lease_until ? new Date(rows[0].lease_until).getTime() : 0;
  return new Date(Math.max(next, lease));
}
