import 'server-only';
// SMS notices and reset codes (docs/notifications.md#sms). They go out through a "sender" client account:
// the platform's (admin setting `notice_sms_client_id`) or a reseller's own for its clients
// (reseller_notice_settings.sms_sender_client_id). Its paired phones take them like any message, but they are
// written here directly, source `notice`, outside every quota and price: no client pays for them.
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { clients, messageRecipients, messages, resellerNoticeSettings, users } from '@/db/schema';
import { emitEnqueued } from '@/lib/events';
import { newId } from '@/lib/services/ids';
import { getSettings } from '@/lib/services/settings';
import { smsLength } from '@/lib/sms/encoding';

/** A notice waits this long for a phone; a reset code is dead after 30 minutes anyway. */
const NOTICE_VALIDITY_MS = 30 * 60_000;

/** The client account whose phones send for this reseller's clients (its own, else the platform's), or null. */
export async function smsSenderFor(db: Db, resellerId: number | null): Promise<{ clientId: number; resellerId: number } | null> {
  const candidates: number[] = [];
  if (resellerId !== null) {
    const [own] = await db
      .select({ id: resellerNoticeSettings.smsSenderClientId })
      .from(resellerNoticeSettings)
      .where(eq(resellerNoticeSettings.resellerId, resellerId));
    if (own?.id) candidates.push(own.id);
  }
  const platform = (await getSettings(db)).notice_sms_client_id;
  if (platform > 0) candidates.push(platform);
  for (const id of candidates) {
    const [c] = await db
      .select({ id: clients.id, resellerId: clients.resellerId, status: users.status })
      .from(clients)
      .innerJoin(users, eq(users.id, clients.id))
      .where(eq(clients.id, id));
    if (c && c.status === 'active') return { clientId: c.id, resellerId: c.resellerId };
  }
  return null;
}

/** Queues one SMS notice to `phone` (E.164) from the sender; false when no sender phone is set up. */
export async function queueNoticeSms(
  db: Db,
  input: { resellerId: number | null; phone: string; text: string },
  now = new Date(),
): Promise<boolean> {
  const sender = await smsSenderFor(db, input.resellerId);
  if (!sender) return false;
  const len = smsLength(input.text);
  const id = newId();
  await db.insert(messages).values({
    id,
    clientId: sender.clientId,
    resellerId: sender.resellerId,
    text: input.text,
    recipientCount: 1,
    segments: len.segments,
    encoding: len.encoding,
    source: 'notice',
    priority: 100,
    validUntil: new Date(now.getTime() + NOTICE_VALIDITY_MS),
    countsTowardQuota: false,
    states: { pending: now.toISOString() },
    createdAt: now,
    updatedAt: now,
  });
  await db.insert(messageRecipients).values({ messageId: id, createdAt: now, position: 0, phone: input.phone, updatedAt: now });
  emitEnqueued({ clientId: sender.clientId, deviceId: null });
  return true;
}
