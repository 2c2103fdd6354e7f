// The notifications' periodic work as jobs (docs/jobs.md, docs/notifications.md): queued mail delivery.
import { defineJob } from '@/lib/jobs/registry';
import { deliverOutbox, kickDelivery } from './mail';
import { scanNotifications } from './scheduled';

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

/** Trials and packages ending, clients expired, phones offline, credit low (lib/notifications/scheduled.ts). */
export const notificationScanJob = defineJob({
  name: 'notification-scan',
  every: Number(process.env.NOTIFICATION_SCAN_MS || 60_000),
  run: async ({ db, now }) => {
    const raised = await scanNotifications(db, now);
    // Their mails go out now rather than at the next delivery pass.
    if (Object.values(raised).some((n) => n > 0)) kickDelivery(db);
    return raised;
  },
});
