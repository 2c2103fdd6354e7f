import 'server-only';
// What a signed-in person reads under the bell: their notices, newest first, in their language; marking read.
import { type AnyColumn, and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { notificationPrefs, notifications } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { CHANNELS, type Channel, defaultOn, type EventName, eventsFor } from './events';
import { loadRecipients } from './recipients';
import { type NoticeParams, renderNotice } from './render';

/** The unread notices of a user (an id, or a column: the signed-in account's read counts them in its statement). */
export const unreadOf = (userId: number | AnyColumn) => and(eq(notifications.userId, userId), isNull(notifications.readAt));

export async function unreadCount(db: Db, actor: Actor): Promise<number> {
  const [r] = await db.select({ n: count() }).from(notifications).where(unreadOf(actor.userId));
  return Number(r?.n ?? 0);
}

export async function listNotifications(db: Db, actor: Actor, limit = 50) {
  const [me] = await loadRecipients(db, [actor.userId]);
  const pref = me?.pref ?? { language: 'en' as const, burmeseDigits: false };
  const rows = await db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, actor.userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
  const data = rows.map((n) => {
    const text = renderNotice(n.event as EventName, n.params as NoticeParams, pref);
    return {
      id: n.id,
      event: n.event as EventName,
      ...text,
      read_at: n.readAt?.toISOString() ?? null,
      created_at: n.createdAt.toISOString(),
    };
  });
  return { unread: await unreadCount(db, actor), data };
}

/** Marks the given notices (or all) read; only the actor's own are touched. */
export async function markRead(db: Db, actor: Actor, ids?: number[], now = new Date()) {
  const mine = and(eq(notifications.userId, actor.userId), isNull(notifications.readAt));
  await db
    .update(notifications)
    .set({ readAt: now })
    .where(ids ? and(mine, inArray(notifications.id, ids.length ? ids : [0])) : mine);
  return { unread: await unreadCount(db, actor) };
}

/** The account page's grid: each event this role hears, each channel on or off. */
export async function channelChoices(db: Db, actor: Actor) {
  const saved = await db.select().from(notificationPrefs).where(eq(notificationPrefs.userId, actor.userId));
  return eventsFor(actor.role).map((event) => ({
    event,
    channels: Object.fromEntries(
      CHANNELS.map((c) => [c, saved.find((p) => p.event === event && p.channel === c)?.enabled ?? defaultOn(event, actor.role, c)]),
    ) as Record<Channel, boolean>,
  }));
}

/** Saves the whole grid as submitted (a checkbox form: absent means off). */
export async function saveChannelChoices(db: Db, actor: Actor, on: Set<string>, now = new Date()) {
  for (const event of eventsFor(actor.role))
    for (const channel of CHANNELS) {
      const enabled = on.has(`${event}:${channel}`);
      await db
        .insert(notificationPrefs)
        .values({ userId: actor.userId, event, channel, enabled, updatedAt: now })
        .onConflictDoUpdate({
          target: [notificationPrefs.userId, notificationPrefs.event, notificationPrefs.channel],
          set: { enabled, updatedAt: now },
        });
    }
}
