import 'server-only';
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { devices, inboundMessages } from '@/db/schema';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import { notFound } from '@/lib/errors';
import { toUnicode } from '@/lib/text/zawgyi';
import { type AutoReply, applyInboundRules, sendAutoReply } from './inbound-rules';
import { type Page, paginated } from './paging';
import { enqueueMo } from './smpp/outbox';
import { enqueueEvent } from './webhooks';

/**
 * An SMS a device received: stored, and sent on to the client's `sms.received` webhooks. The sender is
 * kept exactly as the phone reported it: alphanumeric senders (`Google`) and short codes are not numbers.
 */
export async function recordInbound(
  db: Db,
  deviceId: string,
  sms: { phone: string; text: string; receivedAt?: string; eventId?: string; kind?: 'sms' | 'data' },
  now = new Date(),
) {
  let reply: AutoReply | null = null;
  const stored = await db.transaction(async (tx) => {
    const [d] = await tx
      .select()
      .from(devices)
      .where(and(eq(devices.id, deviceId), isNull(devices.removedAt)));
    if (!d) throw notFound('Device');
    const received = sms.receivedAt && !Number.isNaN(Date.parse(sms.receivedAt)) ? new Date(sms.receivedAt) : now;
    const kind = sms.kind ?? 'sms';
    const [row] = await tx
      .insert(inboundMessages)
      .values({
        clientId: d.clientId,
        deviceId,
        phone: sms.phone.trim(),
        kind,
        text: sms.text,
        eventId: sms.eventId ?? null,
        receivedAt: received,
      })
      .onConflictDoNothing()
      .returning();
    // The app retries a post it saw fail: the same event id is stored (and announced) once.
    if (!row) return null;
    // A data SMS is stored (and listed) only: it is not text for SMPP receivers or sms.received.
    if (kind === 'data') return row;
    // SMPP receivers get it as deliver_sm (waits in the outbox while none is bound).
    await enqueueMo(tx, d.clientId, { phone: row.phone, text: row.text, receivedAt: received, to: simNumberOf(d.simCards) }, now);
    await enqueueEvent(
      tx,
      d.clientId,
      'sms.received',
      { id: row.id, device_id: deviceId, phone: row.phone, message: row.text, received_at: received.toISOString() },
      now,
    );
    // Stop words (→ blocklist) and keywords (→ group, auto-reply): docs/engagement.md.
    reply = await applyInboundRules(tx, row, now);
    return row;
  });
  if (reply) await sendAutoReply(db, reply, now);
  return stored;
}

/** The phone number of the device's first SIM that reports one (the MO's destination address). */
function simNumberOf(simCards: unknown): string | null {
  if (!Array.isArray(simCards)) return null;
  for (const c of simCards) {
    const n = (c as { phoneNumber?: unknown } | null)?.phoneNumber;
    if (typeof n === 'string' && n.trim()) return n.trim();
  }
  return null;
}

export interface InboundView {
  id: number;
  device_id: string;
  phone: string;
  /** Exactly as received. */
  message: string;
  /** The Unicode reading of a Zawgyi message (docs/zawgyi.md), else null. */
  unicode: string | null;
  received_at: string;
}

/** The client's received SMS, newest first; Zawgyi ones carry their Unicode reading beside the original. */
export async function listInbound(db: Db, actor: Actor, q: { page: number; limit: number }): Promise<Page<InboundView>> {
  assertCan(actor, 'sms.read');
  if (actor.role !== 'client') throw notFound('Client');
  const where = eq(inboundMessages.clientId, actor.userId);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(inboundMessages)
      .where(where)
      .orderBy(desc(inboundMessages.createdAt), desc(inboundMessages.id))
      .limit(q.limit)
      .offset((q.page - 1) * q.limit),
    db.select({ total: count() }).from(inboundMessages).where(where),
  ]);
  return paginated(
    rows.map((r) => {
      const u = toUnicode(r.text);
      return {
        id: r.id,
        device_id: r.deviceId,
        phone: r.phone,
        message: r.text,
        unicode: u.converted ? u.text : null,
        received_at: r.receivedAt.toISOString(),
      };
    }),
    q,
    total,
  );
}
