import 'server-only';
// Raising an event (docs/notifications.md#raising): the event's key is inserted first, `on conflict do
// nothing`, and only the caller whose insert wins fans it out — in-app notice, queued mail, SMS notice — in
// the same transaction. Two instances (or a retried job) raising the same key therefore deliver once.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { notificationEvents, notificationPrefs, notifications, users } from '@/db/schema';
import { logError } from '@/lib/log';
import { type Channel, defaultOn, type EventName } from './events';
import { enqueueMail, kickDelivery } from './mail';
import { loadRecipients, PORTAL_PATH, portalUrl } from './recipients';
import { type NoticeParams, renderNotice, translatorFor } from './render';
import { queueNoticeSms } from './sms';

export interface RaiseInput {
  event: EventName;
  /** The de-duplication key: the event, its subject and its period (`trial_ending:client:42:<ends at>`). */
  key: string;
  userIds: number[];
  params: NoticeParams;
}

/** Each user's channels for this event: their saved choices over the event's defaults for their role. */
async function channelsOf(db: Db, event: EventName, recipients: { userId: number; role: Parameters<typeof defaultOn>[1] }[]) {
  const saved = recipients.length
    ? await db
        .select()
        .from(notificationPrefs)
        .where(
          and(
            eq(notificationPrefs.event, event),
            inArray(
              notificationPrefs.userId,
              recipients.map((r) => r.userId),
            ),
          ),
        )
    : [];
  return (userId: number, role: Parameters<typeof defaultOn>[1], channel: Channel) =>
    saved.find((p) => p.userId === userId && p.channel === channel)?.enabled ?? defaultOn(event, role, channel);
}

/** Raises the event once; true when this call raised it (false: it was raised before, by anyone). Jobs call this. */
export async function raiseEvent(db: Db, input: RaiseInput, now = new Date()): Promise<boolean> {
  const raised = await db.transaction(async (tx) => {
    const won = await tx
      .insert(notificationEvents)
      .values({ key: input.key, event: input.event, params: input.params, createdAt: now })
      .onConflictDoNothing()
      .returning({ key: notificationEvents.key });
    if (!won.length) return false;
    const people = await loadRecipients(tx, [...new Set(input.userIds)]);
    const on = await channelsOf(tx, input.event, people);
    for (const r of people) {
      const params = { ...input.params, brand: r.brand };
      if (on(r.userId, r.role, 'in_app'))
        await tx.insert(notifications).values({ userId: r.userId, event: input.event, eventKey: input.key, params, createdAt: now });
      const text = renderNotice(input.event, params, r.pref);
      if (on(r.userId, r.role, 'email')) {
        const t = translatorFor(r.pref, 'notify.mail');
        const link = portalUrl(r.host, `${PORTAL_PATH[r.role]}/notifications`);
        await enqueueMail(
          tx,
          {
            userId: r.userId,
            kind: input.event,
            to: r.email,
            fromName: r.fromName,
            subject: `${r.brand}: ${text.title}`,
            body: `${t('greeting', { name: r.name })}\n\n${text.body}\n\n${t('seeAll', { link })}\n\n${t('signature', { brand: r.brand })}\n${t('preferences')}`,
            dedupKey: `${input.key}:${r.userId}`,
          },
          now,
        );
      }
      if (on(r.userId, r.role, 'sms') && r.phone)
        await queueNoticeSms(tx, { resellerId: r.smsResellerId, phone: r.phone, text: `${r.brand}: ${text.body}` }, now);
    }
    return true;
  });
  return raised;
}

/**
 * Raises from a service after its own work is done: a notice must never undo or fail a money operation, so
 * an error here is logged, not thrown.
 */
export async function notify(db: Db, input: RaiseInput, now = new Date()): Promise<void> {
  try {
    // Its mail goes out now rather than at the next worker pass.
    if (await raiseEvent(db, input, now)) kickDelivery(db);
  } catch (err) {
    logError(`notification ${input.event} failed`, err);
  }
}

/** Every active admin (for events the platform's staff hear). */
export async function adminIds(db: Db): Promise<number[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.status, 'active')));
  return rows.map((r) => r.id);
}
