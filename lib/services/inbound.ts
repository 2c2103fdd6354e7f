import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { devices, inboundMessages } from '@/db/schema';
import { notFound } from '@/lib/errors';
import { enqueueMo } from './smpp/outbox';
import { enqueueEvent } from './webhooks';

/**
 * An SMS a device received: stored, and sent on to the client's `sms.received` webhooks. The sender is
 * kept exactly as the phone reported it: alphanumeric senders (`Google`) and short codes are not numbers.
 */
export async function recordInbound(db: Db, deviceId: string, sms: { phone: string; text: string; receivedAt?: string }, now = new Date()) {
  return db.transaction(async (tx) => {
    const [d] = await tx
      .select()
      .from(devices)
      .where(and(eq(devices.id, deviceId), isNull(devices.removedAt)));
    if (!d) throw notFound('Device');
    const received = sms.receivedAt && !Number.isNaN(Date.parse(sms.receivedAt)) ? new Date(sms.receivedAt) : now;
    const [row] = await tx
      .insert(inboundMessages)
      .values({ clientId: d.clientId, deviceId, phone: sms.phone.trim(), text: sms.text, receivedAt: received })
      .returning();
    // SMPP receivers get it as deliver_sm (waits in the outbox while none is bound).
    await enqueueMo(tx, d.clientId, { phone: row.phone, text: row.text, receivedAt: received, to: simNumberOf(d.simCards) }, now);
    await enqueueEvent(
      tx,
      d.clientId,
      'sms.received',
      { id: row.id, device_id: deviceId, phone: row.phone, message: row.text, received_at: received.toISOString() },
      now,
    );
    return row;
  });
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
