// Background work inside each server process: message sweeps and webhook delivery. Every pass claims its
// rows with FOR UPDATE SKIP LOCKED, so any number of instances can run these at once.
import { getDb } from '@/db';
import { logError } from '@/lib/log';
import { sweepOffline } from '@/lib/services/device-presence';
import { startPushRelay } from '@/lib/services/push-relay';
import { sweepSmpp } from '@/lib/services/smpp/outbox';
import { sweepMessages } from '@/lib/services/sweeps';
import { autoRenewDue } from '@/lib/services/trial-renewal';
import { deliverDueWebhooks } from '@/lib/services/webhooks';

const SWEEP_MS = Number(process.env.SWEEP_INTERVAL_MS || 15_000);
const WEBHOOK_MS = Number(process.env.WEBHOOK_INTERVAL_MS || 2_000);

function every(ms: number, name: string, fn: () => Promise<unknown>): NodeJS.Timeout {
  let running = false;
  const t = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await fn();
    } catch (err) {
      logError(`worker ${name} failed`, err);
    } finally {
      running = false;
    }
  }, ms);
  t.unref();
  return t;
}

// Each pass asks for the database afresh: the pool may have been replaced (db/index.ts recyclePool).
export function startWorkers(): () => void {
  const timers = [
    every(SWEEP_MS, 'message sweep', async () => sweepMessages(await getDb())),
    every(SWEEP_MS, 'device offline sweep', async () => sweepOffline(await getDb())),
    every(60_000, 'auto-renew', async () => autoRenewDue(await getDb())),
    every(60_000, 'smpp housekeeping', async () => sweepSmpp(await getDb())),
    every(WEBHOOK_MS, 'webhook delivery', async () => {
      const db = await getDb();
      // Drain: keep going while full batches come back.
      while ((await deliverDueWebhooks(db)) === 20);
    }),
  ];
  // Wakes AUTO-channel phones through the app's upstream push relay, when the operator sets one.
  const stopPush = process.env.PUSH_UPSTREAM_URL ? startPushRelay({ url: process.env.PUSH_UPSTREAM_URL, getDb }) : null;
  return () => {
    timers.forEach(clearInterval);
    void stopPush?.();
  };
}
