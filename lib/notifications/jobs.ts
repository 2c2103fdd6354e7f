// The notifications' periodic work as jobs (docs/jobs.md, docs/notifications.md): queued mail delivery.
import { defineJob } from '@/lib/jobs/registry';
import { deliverOutbox } from './mail';

const MAIL_MS = Number(process.env.MAIL_INTERVAL_MS || 10_000);

export const mailDeliveryJob = defineJob({
  name: 'mail-delivery',
  every: MAIL_MS,
  // Each mail is claimed with FOR UPDATE SKIP LOCKED and a lease, so overlapping passes are safe.
  overlap: true,
  run: async ({ db, now }) => {
    let sent = 0;
    for (;;) {
      const n = await deliverOutbox(db, now);
      sent += n;
      if (n < 20) return { tried: sent };
    }
  },
});
