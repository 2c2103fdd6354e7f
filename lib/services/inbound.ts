import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { devices, inboundMessages } from '@/db/schema';
import { notFound } from '@/lib/errors';
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
