// The job registry (docs/jobs.md): a due run is claimed exactly once however many instances ask at the same
// moment; a job that must not overlap itself is held by a lease until its run ends (or the lease passes);
// failures are recorded and the job stays scheduled. On PostgreSQL the claims race on separate connections.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DbHandle } from '@/db';
import { jobRuns, jobs } from '@/db/schema';
import { definedJobs, defineJob, ensureJobs, type JobDefinition, runJobIfDue } from '@/lib/jobs/registry';
import { startJobRunner } from '@/lib/jobs/runner';
import { openTestDb } from './helpers/db';
import { uid } from './helpers/fixtures';

let h: DbHandle;
beforeAll(async () => {
  h = await openTestDb({ max: 12 });
});
afterAll(async () => {
  await h.close();
});

const S = 1000;
function counter(every: number, extra: Partial<JobDefinition> = {}) {
  const calls: string[] = [];
  const def: JobDefinition = {
    name: `t-${uid()}`,
    every,
    run: async ({ instance }) => {
      calls.push(instance);
      return { n: calls.length };
    },
    ...extra,
  };
  return { def, calls };
}
const runsOf = (name: string) => h.db.select().from(jobRuns).where(eq(jobRuns.job, name));

test('defineJob registers by name and refuses bad names and intervals', () => {
  const name = `reg-${uid()}`;
  defineJob({ name, every: 1000, run: async () => 1 });
  expect(definedJobs().some((d) => d.name === name)).toBe(true);
  expect(() => defineJob({ name: 'Bad Name', every: 1000, run: async () => 1 })).toThrow(/job name/);
  expect(() => defineJob({ name: `x-${uid()}`, every: 10, run: async () => 1 })).toThrow(/every/);
});

test('a new job is due at once; then not again until `every` has passed', async () => {
  const { def, calls } = counter(60 * S);
  const t0 = new Date();
  await ensureJobs(h.db, [def], t0);
  expect(await runJobIfDue(h.db, def, t0, 'a')).toMatchObject({ ran: true, ok: true, result: { n: 1 } });
  expect(await runJobIfDue(h.db, def, new Date(t0.getTime() + 59 * S), 'a')).toEqual({ ran: false });
  expect(await runJobIfDue(h.db, def, new Date(t0.getTime() + 60 * S), 'b')).toMatchObject({ ran: true, ok: true });
  expect(calls).toEqual(['a', 'b']);
  const runs = await runsOf(def.name);
  expect(runs.map((r) => [r.instance, r.ok, r.dueAt.getTime() - t0.getTime()]).sort()).toEqual([
    ['a', true, 0],
    ['b', true, 60 * S],
  ]);
  const [row] = await h.db.select().from(jobs).where(eq(jobs.name, def.name));
  expect(row).toMatchObject({ runs: 2, leaseUntil: null, lastError: null });
});

test('20 instances ask for the same due run at once, 5 rounds: each round runs exactly once', async () => {
  const { def, calls } = counter(10 * S);
  const t0 = new Date();
  await ensureJobs(h.db, [def], t0);
  for (let round = 0; round < 5; round++) {
    const at = new Date(t0.getTime() + round * 10 * S);
    const outs = await Promise.all(Array.from({ length: 20 }, (_, i) => runJobIfDue(h.db, def, at, `i${i}`)));
    expect(outs.filter((o) => o.ran)).toHaveLength(1);
  }
  expect(calls).toHaveLength(5);
  expect(await runsOf(def.name)).toHaveLength(5);
});

test('no overlap: while a run is going on the job is leased; it is free again when the run ends', async () => {
  let release!: () => void;
  const gate = new Promise<void>((r) => {
    release = r;
  });
  const { def, calls } = counter(S, {
    run: async ({ instance }) => {
      calls.push(instance);
      await gate;
      return null;
    },
  });
  const t0 = new Date(Date.now() - 10 * S);
  await ensureJobs(h.db, [def], t0);
  const first = runJobIfDue(h.db, def, t0, 'a');
  await expect.poll(() => calls.length).toBe(1);
  // Two `every`s later the job is due again, but the first run still holds it.
  expect(await runJobIfDue(h.db, def, new Date(t0.getTime() + 2 * S), 'b')).toEqual({ ran: false });
  release();
  await first;
  expect(await runJobIfDue(h.db, def, new Date(t0.getTime() + 2 * S), 'b')).toMatchObject({ ran: true });
  expect(calls).toEqual(['a', 'b']);
});

test('overlap allowed: the next due run is claimed while an earlier one is still running', async () => {
  let release!: () => void;
  const gate = new Promise<void>((r) => {
    release = r;
  });
  const { def, calls } = counter(S, {
    overlap: true,
    run: async ({ instance }) => {
      calls.push(instance);
      if (instance === 'a') await gate;
      return null;
    },
  });
  const t0 = new Date(Date.now() - 10 * S);
  await ensureJobs(h.db, [def], t0);
  const first = runJobIfDue(h.db, def, t0, 'a');
  await expect.poll(() => calls.length).toBe(1);
  expect(await runJobIfDue(h.db, def, new Date(t0.getTime() + S), 'b')).toMatchObject({ ran: true });
  release();
  await first;
  expect(calls).toEqual(['a', 'b']);
});

test('a run whose process died holds the job only until its lease passes', async () => {
  const { def, calls } = counter(S, { leaseMs: 30 * S });
  const t0 = new Date();
  await ensureJobs(h.db, [def], t0);
  // Claimed, never finished: what a crash in the middle of run() leaves behind.
  await h.db
    .update(jobs)
    .set({ leaseUntil: new Date(t0.getTime() + 30 * S), nextRunAt: new Date(t0.getTime() + S) })
    .where(eq(jobs.name, def.name));
  expect(await runJobIfDue(h.db, def, new Date(t0.getTime() + 29 * S), 'b')).toEqual({ ran: false });
  expect(await runJobIfDue(h.db, def, new Date(t0.getTime() + 30 * S), 'b')).toMatchObject({ ran: true });
  expect(calls).toEqual(['b']);
});

test('a failing run is recorded with its error and the job stays scheduled', async () => {
  const def: JobDefinition = {
    name: `fail-${uid()}`,
    every: S,
    run: async () => {
      throw new Error('boom in job');
    },
  };
  const t0 = new Date();
  await ensureJobs(h.db, [def], t0);
  const out = await runJobIfDue(h.db, def, t0, 'a');
  expect(out).toMatchObject({ ran: true, ok: false });
  const [run] = await runsOf(def.name);
  expect(run.ok).toBe(false);
  expect(run.error).toMatch(/boom in job/);
  const [row] = await h.db.select().from(jobs).where(eq(jobs.name, def.name));
  expect(row.leaseUntil).toBeNull();
  expect(row.lastError).toMatch(/boom in job/);
  expect(await runJobIfDue(h.db, def, new Date(t0.getTime() + S), 'a')).toMatchObject({ ran: true });
});

describe('two runners (as two instances) on one job every 300 ms', () => {
  test('over 3 s: about one run per 300 ms in all, never two at once', async () => {
    const spans: { instance: string; start: number; end: number }[] = [];
    const def: JobDefinition = {
      name: `runner-${uid()}`,
      every: 300,
      run: async ({ instance }) => {
        const start = Date.now();
        await new Promise((r) => setTimeout(r, 20));
        spans.push({ instance, start, end: Date.now() });
      },
    };
    const getDb = async () => h.db;
    const stops = [startJobRunner({ getDb, jobs: [def], instance: 'A' }), startJobRunner({ getDb, jobs: [def], instance: 'B' })];
    await new Promise((r) => setTimeout(r, 3000));
    await Promise.all(stops.map((s) => s()));
    // Two independent 300 ms pollers would make about 20; one schedule for both makes about 10.
    expect(spans.length).toBeGreaterThanOrEqual(5);
    expect(spans.length).toBeLessThanOrEqual(12);
    const sorted = [...spans].sort((x, y) => x.start - y.start);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i].start).toBeGreaterThanOrEqual(sorted[i - 1].end);
    const runs = await runsOf(def.name);
    expect(runs).toHaveLength(spans.length);
    expect(new Set(runs.map((r) => r.dueAt.getTime())).size).toBe(runs.length);
  });
});
