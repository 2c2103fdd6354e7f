// The campaign jobs (docs/jobs.md, docs/campaigns.md): scheduled campaigns start when due — each claimed
// by one instance (FOR UPDATE SKIP LOCKED on its row, the state changed in the same transaction, so it
// starts exactly once) — and sending campaigns are dispatched at their pace and marked done.
import 'server-only';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '@/db';
import { campaigns } from '@/db/schema';
import { defineJob } from '@/lib/jobs/registry';
import { logError } from '@/lib/log';
import {
  type Dispatched,
  dispatchCampaign,
  finishCampaigns,
  lockCampaign,
  refusalReason,
  startCampaign,
  wakeDevices,
} from './campaign-dispatch';
import { at } from './subscriptions';

const EVERY_MS = Number(process.env.CAMPAIGN_INTERVAL_MS || 5_000);

/** Starts (or refuses, with the reason) every scheduled campaign due at `now`. Answers how many it took. */
export async function startDueCampaigns(db: Db, now = new Date(), batch = 20): Promise<{ started: number; refused: number }> {
  let started = 0;
  let refused = 0;
  for (let i = 0; i < batch; i++) {
    let woke: { clientId: number; d: Dispatched | null } | null = null;
    const outcome = await db.transaction(async (tx) => {
      const [due] = rowsOf<{ id: number }>(
        await tx.execute(sql`select id from campaigns where state = 'scheduled' and scheduled_at <= ${at(now)}
          order by scheduled_at, id limit 1 for update skip locked`),
      );
      if (!due) return 'none' as const;
      const c = await lockCampaign(tx, Number(due.id));
      if (c?.state !== 'scheduled') return 'none' as const;
      try {
        // A savepoint: a refusal rolls back what the start did, and the refusal itself is kept.
        const r = await tx.transaction((sp) => startCampaign(sp, c, now));
        woke = { clientId: c.clientId, d: r.dispatched };
        return 'started' as const;
      } catch (err) {
        const reason = refusalReason(err);
        if (reason.code === 'internal_error') logError(`campaign ${c.id} could not start`, err);
        await tx.update(campaigns).set({ state: 'refused', reason, finishedAt: now, updatedAt: now }).where(sql`${campaigns.id} = ${c.id}`);
        return 'refused' as const;
      }
    });
    if (outcome === 'none') break;
    if (outcome === 'started') started++;
    else refused++;
    const w = woke as { clientId: number; d: Dispatched | null } | null;
    if (w) wakeDevices(w.clientId, w.d);
  }
  return { started, refused };
}

/** Dispatches what is waiting in every sending campaign (each row skipped when another instance holds it). */
export async function dispatchCampaigns(db: Db, now = new Date()): Promise<{ queued: number; done: number }> {
  const ids = rowsOf<{ id: number }>(
    await db.execute(sql`select c.id from campaigns c where c.state = 'sending'
      and exists (select 1 from campaign_recipients r where r.campaign_id = c.id and r.state = 'waiting') order by c.id limit 200`),
  ).map((r) => Number(r.id));
  let queued = 0;
  for (const id of ids) {
    const out = await db.transaction(async (tx) => {
      const c = await lockCampaign(tx, id, true);
      if (c?.state !== 'sending') return null;
      return { clientId: c.clientId, d: await dispatchCampaign(tx, c, now) };
    });
    if (out) {
      queued += out.d.queued;
      wakeDevices(out.clientId, out.d);
    }
  }
  return { queued, done: await finishCampaigns(db, now) };
}

export const campaignStartJob = defineJob({ name: 'campaign-start', every: EVERY_MS, run: ({ db, now }) => startDueCampaigns(db, now) });
export const campaignDispatchJob = defineJob({
  name: 'campaign-dispatch',
  every: EVERY_MS,
  run: ({ db, now }) => dispatchCampaigns(db, now),
});
