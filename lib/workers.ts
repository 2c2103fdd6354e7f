// Background work inside each server process: the job registry's runner (lib/jobs, docs/jobs.md: sweeps,
// webhook delivery, auto-renew, ...; each due run claimed by exactly one instance) and the push relay.
import { getDb } from '@/db';
import { startJobRunner } from '@/lib/jobs';
import { startPushRelay } from '@/lib/services/push-relay';

// Each pass asks for the database afresh: the pool may have been replaced (db/index.ts recyclePool).
export function startWorkers(): () => void {
  const stopJobs = startJobRunner({ getDb });
  // Wakes AUTO-channel phones through the app's upstream push relay, when the operator sets one.
  const stopPush = process.env.PUSH_UPSTREAM_URL ? startPushRelay({ url: process.env.PUSH_UPSTREAM_URL, getDb }) : null;
  return () => {
    void stopJobs();
    void stopPush?.();
  };
}
