// The platform's periodic work as jobs (docs/jobs.md). Each of these claims its own rows with FOR UPDATE
// SKIP LOCKED as well, so a run that overlaps another (a lease passed, webhook delivery) is still safe.
import { sql } from 'drizzle-orm';
import { sweepOffline } from '@/lib/services/device-presence';
import { maintainMessagePartitions } from '@/lib/services/message-partitions';
import { sweepSmpp } from '@/lib/services/smpp/outbox';
import { sweepMessages } from '@/lib/services/sweeps';
import { autoRenewDue } from '@/lib/services/trial-renewal';
import { deliverDueWebhooks } from '@/lib/services/webhooks';
import { defineJob } from './registry';

const SWEEP_MS = Number(process.env.SWEEP_INTERVAL_MS || 15_000);
const WEBHOOK_MS = Number(process.env.WEBHOOK_INTERVAL_MS || 2_000);
/** How long job_runs keeps its history. */
export const JOB_RUNS_KEEP_MS = 24 * 3600_000;

export const messageSweepJob = defineJob({ name: 'message-sweep', every: SWEEP_MS, run: ({ db, now }) => sweepMessages(db, now) });

export const deviceOfflineJob = defineJob({
  name: 'device-offline-sweep',
  every: SWEEP_MS,
  run: async ({ db, now }) => ({ offline: await sweepOffline(db, now) }),
});

export const autoRenewJob = defineJob({
  name: 'auto-renew',
  every: 60_000,
  run: async ({ db, now }) => ({ renewed: await autoRenewDue(db, now) }),
});

export const smppHousekeepingJob = defineJob({ name: 'smpp-housekeeping', every: 60_000, run: ({ db, now }) => sweepSmpp(db, now) });

export const webhookDeliveryJob = defineJob({
  name: 'webhook-delivery',
  every: WEBHOOK_MS,
  overlap: true,
  run: async ({ db }) => {
    // Drain: keep going while full batches come back (each delivery is due by its own next_attempt_at).
    let delivered = 0;
    for (;;) {
      const n = await deliverDueWebhooks(db);
      delivered += n;
      if (n < 20) return { delivered };
    }
  },
});

/** The message log's monthly partitions: the next months' made ahead, those past the retention dropped (docs/scaling.md#partitions). */
export const messagePartitionsJob = defineJob({
  name: 'message-partitions',
  every: 3600_000,
  run: ({ db, now }) => maintainMessagePartitions(db, now),
});

export const jobRunsPruneJob = defineJob({
  name: 'job-runs-prune',
  every: 3600_000,
  run: async ({ db, now }) => {
    await db.execute(sql`delete from job_runs where started_at < ${new Date(now.getTime() - JOB_RUNS_KEEP_MS).toISOString()}::timestamptz`);
  },
});
