import 'server-only';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '@/db';
import { devices, type MessageState, messageRecipients, messages } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import type { Device } from './devices';
import { byPublicId, type MessageView, publicId } from './messages';
import { enqueueReceipts } from './smpp/outbox';
import { giveBackQuota } from './usage';
import { enqueueEvent } from './webhooks';

export const PULL_LIMIT = 100;

/** What the pull returns of a message: the fields of its view and of the phone's send options. */
const PULLED = sql.raw(
  'id, ref, text, segments, encoding, state, source, device_id, claimed_by, valid_until, is_encrypted, error, states, created_at, updated_at, sim_number, with_delivery_report, priority',
);

interface PulledRow {
  id: string;
  ref: string | null;
  text: string;
  segments: number;
  encoding: MessageView['encoding'];
  state: MessageState;
  source: string;
  device_id: string | null;
  claimed_by: string | null;
  valid_until: string;
  is_encrypted: boolean;
  error: string | null;
  states: Record<string, string> | null;
  created_at: string;
  updated_at: string;
  sim_number: number | null;
  with_delivery_report: boolean;
  priority: number;
  recipients: { phone: string; state: MessageState; error: string | null }[];
}

/**
 * A pending message still valid at `ts`, written so that only the client's partial index of pending messages fits:
 * `valid_until + interval '0 seconds'` keeps the expiry sweep's partial index on valid_until out of the planner's
 * choice. Planned for known values (an unprepared statement, DATABASE_PREPARE=0 behind PgBouncer) on statistics
 * that saw few pending messages, the pull took that index and walked every client's pending messages: 9.4 ms of
 * database CPU a pull, 154 pulls/s in the bench where prepared statements ran ~600/s (docs/scaling.md).
 */
const notExpired = (validUntil: SQL, ts: string) => sql`${validUntil} + interval '0 seconds' > ${ts}::timestamptz`;

/**
 * GET /message: the device's work, in one statement (atomic: a lost connection leaves nothing half done).
 * Pending messages of its client (addressed to it or to any device) are claimed in one UPDATE over a
 * FOR UPDATE SKIP LOCKED selection, so two devices pulling at once never get the same message, and their
 * pending recipients move with them. Messages this device claimed earlier but has not yet reported on are
 * returned again (the app de-duplicates by id), so a crash between pull and report loses nothing; so are
 * cancellations the phone has still to confirm (the app cancels a message it holds when the pull says
 * Cancelling, and reports Cancelled). The statement's snapshot predates its own updates: the claimed rows
 * come from RETURNING, the earlier ones from the table, and the recipients' new states from the update.
 * The earlier ones are two index range scans (messages_claimed_by_idx, messages_cancelling_idx): one `or`
 * over both states let the planner read the whole partial index of every phone's in-flight messages
 * instead; the recipients are aggregated once for the offered messages, not by a subquery per message.
 * The pending ones are read by their client's partial index (notExpired).
 */
export async function pullMessages(db: Db, device: Device, order: 'lifo' | 'fifo' = 'lifo', now = new Date()): Promise<DeviceMessage[]> {
  if (!device.enabled) return [];
  const ts = now.toISOString();
  const dir = order === 'fifo' ? sql`asc` : sql`desc`;
  const rows = rowsOf<{ j: PulledRow | string }>(
    await db.execute(sql`
    with claimed as (
      update ${messages} set state = 'processing', claimed_by = ${device.id}, claimed_at = ${ts}::timestamptz, updated_at = ${ts}::timestamptz,
        states = states || jsonb_build_object('processing', ${ts}::text)
      where (id, created_at) in (
        select id, created_at from ${messages}
        where client_id = ${device.clientId} and state = 'pending' and ${notExpired(sql`valid_until`, ts)}
          and (device_id is null or device_id = ${device.id})
        order by created_at ${dir} limit ${PULL_LIMIT}
        for update skip locked)
      returning ${PULLED}),
    moved as (
      update ${messageRecipients} r set state = 'processing', updated_at = ${ts}::timestamptz
      from claimed c where r.message_id = c.id and r.created_at = c.created_at and r.state = 'pending'
      returning r.message_id, r.position, r.state),
    held as (
      (select ${PULLED} from ${messages}
        where claimed_by = ${device.id} and state = 'processing' and not (states ? 'device_accepted')
        order by created_at ${dir} limit ${PULL_LIMIT})
      union all
      (select ${PULLED} from ${messages}
        where claimed_by = ${device.id} and state = 'cancelling'
        order by created_at ${dir} limit ${PULL_LIMIT})),
    offered as (
      select * from (select * from claimed union all select * from held) o order by created_at ${dir} limit ${PULL_LIMIT}),
    recipients as (
      select r.message_id, json_agg(json_build_object('phone', r.phone, 'state', coalesce(mv.state, r.state), 'error', r.error) order by r.position) as list
      from ${messageRecipients} r left join moved mv on mv.message_id = r.message_id and mv.position = r.position
      where (r.message_id, r.created_at) in (select id, created_at from offered)
      group by r.message_id)
    select json_build_object(
      'id', o.id, 'ref', o.ref, 'text', o.text, 'segments', o.segments, 'encoding', o.encoding, 'state', o.state,
      'source', o.source, 'device_id', o.device_id, 'claimed_by', o.claimed_by, 'valid_until', o.valid_until,
      'is_encrypted', o.is_encrypted, 'error', o.error, 'states', o.states, 'created_at', o.created_at,
      'updated_at', o.updated_at, 'sim_number', o.sim_number, 'with_delivery_report', o.with_delivery_report,
      'priority', o.priority,
      'recipients', coalesce(rc.list, '[]'::json)) as j
    from offered o left join recipients rc on rc.message_id = o.id
    order by o.created_at ${dir}`),
  );
  return rows.map(({ j }): DeviceMessage => {
    const m: PulledRow = typeof j === 'string' ? JSON.parse(j) : j;
    return {
      id: publicId(m),
      state: m.state,
      phone: m.recipients[0]?.phone ?? '',
      recipients: m.recipients,
      message: m.text,
      segments: m.segments,
      encoding: m.encoding,
      device_id: m.claimed_by ?? m.device_id,
      source: m.source,
      valid_until: new Date(m.valid_until).toISOString(),
      is_encrypted: m.is_encrypted,
      error: m.error,
      states: m.states ?? {},
      created_at: new Date(m.created_at).toISOString(),
      updated_at: new Date(m.updated_at).toISOString(),
      sim_number: m.sim_number,
      with_delivery_report: m.with_delivery_report,
      priority: m.priority,
    };
  });
}

/** A message as a phone gets it: the view plus the send options the caller gave (lib/http/mobile.ts). */
export interface DeviceMessage extends MessageView {
  sim_number: number | null;
  with_delivery_report: boolean;
  priority: number;
}

/** The app's states → ours. The app's Pending/Processed mean "the phone accepted it". */
const FROM_APP: Record<string, MessageState | 'accepted'> = {
  Pending: 'accepted',
  Processed: 'accepted',
  Sent: 'sent',
  Delivered: 'delivered',
  Failed: 'failed',
  Cancelled: 'cancelled',
  Cancelling: 'accepted',
};
const RANK: Record<MessageState, number> = {
  pending: 0,
  processing: 1,
  sent: 2,
  delivered: 3,
  failed: 3,
  expired: 3,
  unknown: 2,
  // Cancelled by the client while the phone holds it: any report of the phone still moves it on.
  cancelling: 1,
  cancelled: 3,
};
const EVENT: Partial<Record<MessageState, 'message.sent' | 'message.delivered' | 'message.failed'>> = {
  sent: 'message.sent',
  delivered: 'message.delivered',
  failed: 'message.failed',
};

/** The app's error texts can be long (exception messages); we keep the first ERROR_MAX characters. */
export const ERROR_MAX = 500;
const errorText = (e: string | null | undefined): string | null => (e ? e.slice(0, ERROR_MAX) : null);

/**
 * The recipient a phone's report names: as stored (E.164, or a raw short code sent with
 * skipPhoneValidation), or the same E.164 number without its + (some app versions drop it).
 */
function recipientOf<T extends { phone: string }>(recipients: T[], reported: string): T | undefined {
  return recipients.find((x) => x.phone === reported) ?? recipients.find((x) => x.phone === `+${reported}`);
}

/**
 * What a phone's SSE stream re-checks every few seconds (for sends and cancellations made on other
 * instances): whether the device is still enabled and registered — a disabled or removed phone is never
 * woken — and whether work is waiting for it (pending for it or any device, or a cancellation to apply).
 */
export async function deviceWake(
  db: Db,
  device: Device,
  now = new Date(),
): Promise<{ enabled: boolean; waiting: boolean; channel: Device['notificationChannel'] | null }> {
  const [row] = rowsOf<{ enabled: boolean; waiting: boolean; channel: Device['notificationChannel'] }>(
    await db.execute(sql`
    select d.enabled and d.removed_at is null as enabled, d.notification_channel as channel,
      exists (select 1 from ${messages} m where m.client_id = ${device.clientId} and m.state = 'pending'
                and ${notExpired(sql`m.valid_until`, now.toISOString())} and (m.device_id is null or m.device_id = ${device.id}))
      or exists (select 1 from ${messages} m where m.claimed_by = ${device.id} and m.state = 'cancelling') as waiting
    from ${devices} d where d.id = ${device.id}`),
  );
  const enabled = Boolean(row?.enabled);
  return { enabled, waiting: enabled && Boolean(row?.waiting), channel: row?.channel ?? null };
}

/** Whether a phone has work waiting (an enabled device only). */
export async function hasWaitingMessages(db: Db, device: Device, now = new Date()): Promise<boolean> {
  return (await deviceWake(db, device, now)).waiting;
}

export interface StateReport {
  id: string;
  state: string;
  recipients: { phoneNumber: string; state: string; error?: string | null }[];
  states?: Record<string, string>;
}

/**
 * PATCH /message: per-recipient states from the device. Only messages this device claimed are touched
 * (others are ignored, as the reference server does). States only move forward; each change to
 * sent / delivered / failed queues the client's webhooks in the same transaction.
 */
export async function reportStates(db: Db, device: Device, reports: StateReport[], now = new Date()): Promise<number> {
  let updated = 0;
  for (const r of reports) {
    const next = FROM_APP[r.state];
    if (!next)
      throw new DomainError('validation_failed', `Unknown state "${r.state}".`, { fields: { state: [`Unknown state "${r.state}".`] } });
    updated += await db.transaction(async (tx) => {
      const [m] = await tx
        .select()
        .from(messages)
        .where(and(eq(messages.clientId, device.clientId), byPublicId(r.id), eq(messages.claimedBy, device.id)))
        .for('update');
      if (!m) return 0;
      const ts = now.toISOString();
      const states = { ...(m.states as Record<string, string>), ...(next === 'accepted' ? { device_accepted: ts } : { [next]: ts }) };
      const reported: MessageState = next === 'accepted' ? m.state : next;
      const recipients = await tx.select().from(messageRecipients).where(eq(messageRecipients.messageId, m.id));
      for (const rr of r.recipients) {
        const rs = FROM_APP[rr.state];
        const rec = recipientOf(recipients, rr.phoneNumber);
        if (!rec || !rs || rs === 'accepted' || RANK[rs] < RANK[rec.state] || (RANK[rec.state] === 3 && rs !== rec.state)) continue;
        await tx
          .update(messageRecipients)
          .set({ state: rs, error: errorText(rr.error), updatedAt: now })
          .where(and(eq(messageRecipients.messageId, m.id), eq(messageRecipients.position, rec.position)));
      }
      const error = errorText(r.recipients.find((x) => x.error)?.error);
      // The message takes the state the app reports: the app derives it from its recipients (all Failed →
      // Failed, all Delivered → Delivered, a mix → Sent), with the real outcome kept per recipient.
      const target = reported;
      const forward = RANK[target] >= RANK[m.state] && !(RANK[m.state] === 3 && target !== m.state);
      await tx
        .update(messages)
        .set({
          state: forward ? target : m.state,
          states,
          updatedAt: now,
          ...(forward && target === 'failed' ? { error } : {}),
          // A cancellation the phone confirmed never left it: the quota comes back, as for a pending cancel.
          ...(forward && target === 'cancelled' ? { countsTowardQuota: false } : {}),
        })
        .where(eq(messages.id, m.id));
      if (forward && target === 'cancelled' && m.state !== 'cancelled' && m.countsTowardQuota)
        await giveBackQuota(tx, [{ clientId: m.clientId, createdAt: m.createdAt, count: m.recipientCount }]);
      // SMPP clients get their delivery receipts from the same state change (lib/services/smpp/outbox.ts).
      if (forward && target !== m.state && m.source === 'smpp') await enqueueReceipts(tx, [m.id], target, now);
      if (forward && target !== m.state && EVENT[target]) {
        await enqueueEvent(
          tx,
          m.clientId,
          EVENT[target],
          {
            message_id: publicId(m),
            state: target,
            device_id: device.id,
            recipients: r.recipients.map((x) => ({
              phone: recipientOf(recipients, x.phoneNumber)?.phone ?? x.phoneNumber,
              state: (FROM_APP[x.state] === 'accepted' ? 'processing' : FROM_APP[x.state]) ?? x.state,
              error: errorText(x.error),
            })),
            ...(target === 'failed' ? { error } : {}),
          },
          now,
        );
      }
      return 1;
    });
  }
  return updated;
}
