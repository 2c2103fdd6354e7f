// The job registry's state (lib/jobs, docs/jobs.md): one row per defined job with its next due time, and the
// history of runs. A run is claimed by advancing `next_run_at` under FOR UPDATE SKIP LOCKED, so with any
// number of instances each due run happens exactly once; `job_runs` is unique per (job, due time).
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const jobs = pgTable('jobs', {
  name: text('name').primaryKey(),
  everyMs: integer('every_ms').notNull(),
  nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull(),
  /** Set while a run is going on (a job that must not overlap itself); a crashed run frees the job when it passes. */
  leaseUntil: timestamp('lease_until', { withTimezone: true }),
  lastStartedAt: timestamp('last_started_at', { withTimezone: true }),
  lastFinishedAt: timestamp('last_finished_at', { withTimezone: true }),
  lastError: text('last_error'),
  runs: bigint('runs', { mode: 'number' }).notNull().default(0),
});

export const jobRuns = pgTable(
  'job_runs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    job: text('job').notNull(),
    /** The due time this run was claimed for: one run per due time. */
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    /** Which process ran it (host:pid:random). */
    instance: text('instance').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    ok: boolean('ok'),
    error: text('error'),
    /** What run() returned (counts), when it returned something JSON can hold. */
    result: jsonb('result'),
  },
  (t) => [uniqueIndex('job_runs_job_due_idx').on(t.job, t.dueAt), index('job_runs_started_idx').on(t.startedAt)],
);
