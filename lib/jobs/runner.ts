// Runs the registered jobs in this process: one timer per job, woken when the job's row says it is next due
// (another instance may have run it meanwhile), with a little jitter so instances do not poll in lock step.
// The claim itself (lib/jobs/registry.ts) decides who runs a due job; this loop only decides when to ask.
import type { Db } from '@/db';
import { logError } from '@/lib/log';
import { definedJobs, ensureJobs, INSTANCE_ID, type JobDefinition, nextDue, runJobIfDue } from './registry';

export interface RunnerOptions {
  getDb: () => Promise<Db>;
  jobs?: JobDefinition[];
  instance?: string;
  /** Longest sleep between two looks at a job's row (default: the job's own `every`). */
  maxSleepMs?: number;
}

export function startJobRunner(opts: RunnerOptions): () => Promise<void> {
  const defs = opts.jobs ?? definedJobs();
  const instance = opts.instance ?? INSTANCE_ID;
  let stopped = false;
  const timers = new Map<string, NodeJS.Timeout>();
  const running = new Set<Promise<unknown>>();
  let ready: Promise<void> | null = null;

  const schedule = (def: JobDefinition, ms: number) => {
    if (stopped) return;
    const t = setTimeout(() => void tick(def), Math.max(0, ms));
    t.unref();
    timers.set(def.name, t);
  };

  const tick = async (def: JobDefinition) => {
    if (stopped) return;
    const work = (async () => {
      const db = await opts.getDb();
      ready ??= ensureJobs(db, defs).catch((err) => {
        ready = null;
        throw err;
      });
      await ready;
      const out = await runJobIfDue(db, def, new Date(), instance);
      if (out.ran && !out.ok) logError(`job ${def.name} failed`, new Error(out.error));
      const due = await nextDue(db, def.name);
      return due ? due.getTime() - Date.now() : def.every;
    })();
    running.add(work);
    let wait = def.every;
    try {
      wait = await work;
    } catch (err) {
      logError(`job ${def.name}: could not claim`, err);
    } finally {
      running.delete(work);
    }
    const cap = opts.maxSleepMs ?? def.every;
    schedule(def, Math.min(Math.max(wait, 0), cap) + Math.floor(Math.random() * Math.min(250, def.every / 10)));
  };

  for (const def of defs) schedule(def, Math.floor(Math.random() * Math.min(1000, def.every)));
  return async () => {
    stopped = true;
    for (const t of timers.values()) clearTimeout(t);
    await Promise.allSettled([...running]);
  };
}
