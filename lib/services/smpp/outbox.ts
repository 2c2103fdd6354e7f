import 'server-only';
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '@/db';
import { type MessageState, messages, smppAccounts, smppBinds, smppOutbox, smppParts } from '@/db/schema';
import { smppAddress } from '@/lib/smpp/address';
import { BIND_STALE_MS } from './binds';

// The outbox of deliver_sm: delivery receipts and inbound SMS (MO) for clients' SMPP receivers. Rows are
// written in the same transaction as the state change or the inbound SMS, wait while the client has no
// receiver bound, and are claimed with FOR UPDATE SKIP LOCKED by whichever instance holds a receiver.

export const OUTBOX_CHANNEL = 'smpp_outbox';
/** A claimed row not answered within this time is offered again (its instance died). */
export const CLAIM_MS = 60_000;
export const MAX_ATTEMPTS = 10;
/** What a client never binds a receiver for is dropped after this long (an SMSC's validity). */
export const OUTBOX_KEEP_MS = 3 * 86_400_000;
const PARTS_KEEP_MS = 8 * 86_400_000;
/** The other parts of a long message must arrive within this time. */
export const PARTS_WAIT_MS = 86_400_000;

export interface Address {
  addr: string;
  ton: number;
  npi: number;
}

export interface ReceiptPayload {
  kind: 'receipt';
  part_id: string;
  stat: string;
  message_state: number;
  err: string;
  delivered: boolean;
  submitted_at: string;
  done_at: string;
  text: string;
  /** The receipt comes from the phone number the message went to, and goes to the submit's source address. */
  source: Address;
  dest: Address;
}

export interface MoPayload {
  kind: 'mo';
  source: Address;
  dest: Address;
  text: string;
  received_at: string;
}

export type OutboxPayload = ReceiptPayload | MoPayload;

const RECEIPT: Partial<Record<MessageState, { stat: string; state: number; final: boolean; success: boolean; err: string }>> = {
  sent: { stat: 'ENROUTE', state: 1, final: false, success: false, err: '000' },
  delivered: { stat: 'DELIVRD', state: 2, final: true, success: true, err: '000' },
  failed: { stat: 'UNDELIV', state: 5, final: true, success: false, err: '001' },
  expired: { stat: 'EXPIRED', state: 3, final: true, success: false, err: '000' },
  unknown: { stat: 'UNKNOWN', state: 7, final: true, success: false, err: '000' },
};

/** registered_delivery: bits 0-1 ask for the final outcome (1 any, 2 failure, 3 success), bit 4 for intermediate ones. */
export function wantsReceipt(registeredDelivery: number, state: MessageState): boolean {
  const r = RECEIPT[state];
  if (!r) return false;
  if (!r.final) return (registeredDelivery & 0x10) !== 0;
  const f = registeredDelivery & 0x03;
  return f === 1 || (f === 2 && !r.success) || (f === 3 && r.success);
}

async function notify(db: Db, clientIds: Iterable<number>): Promise<void> {
  for (const id of new Set(clientIds)) await db.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, ${String(id)})`);
}

/**
 * The hook where message states change (device reports, sweeps): a receipt for every SMPP part of these
 * messages that asked for one in this state. Call inside the transaction that changed the state.
 */
export async function enqueueReceipts(db: Db, messageIds: string[], state: MessageState, now = new Date()): Promise<number> {
  const r = RECEIPT[state];
  if (!r || !messageIds.length) return 0;
  const rows = await db
    .select({ part: smppParts, text: messages.text })
    .from(smppParts)
    .innerJoin(messages, eq(messages.id, smppParts.messageId))
    .where(and(inArray(smppParts.messageId, messageIds), eq(messages.source, 'smpp')));
  const due = rows.filter(({ part }) => wantsReceipt(part.registeredDelivery, state));
  if (!due.length) return 0;
  await db.insert(smppOutbox).values(
    due.map(({ part, text }) => ({
      clientId: part.clientId,
      kind: 'receipt' as const,
      payload: {
        kind: 'receipt',
        part_id: part.id,
        stat: r.stat,
        message_state: r.state,
        err: r.err,
        delivered: r.success,
        submitted_at: part.createdAt.toISOString(),
        done_at: now.toISOString(),
        text: text.slice(0, 20),
        source: { addr: part.destAddr, ton: part.destTon, npi: part.destNpi },
        dest: { addr: part.sourceAddr, ton: part.sourceTon, npi: part.sourceNpi },
      } satisfies ReceiptPayload,
      createdAt: now,
    })),
  );
  await notify(
    db,
    due.map(({ part }) => part.clientId),
  );
  return due.length;
}

/** The hook where an inbound SMS is stored: a deliver_sm for the client's SMPP receivers, if it has SMPP credentials. */
export async function enqueueMo(
  db: Db,
  clientId: number,
  sms: { phone: string; text: string; receivedAt: Date; to?: string | null },
  now = new Date(),
): Promise<boolean> {
  const [account] = await db.select({ id: smppAccounts.clientId }).from(smppAccounts).where(eq(smppAccounts.clientId, clientId));
  if (!account) return false;
  const payload: MoPayload = {
    kind: 'mo',
    source: smppAddress(sms.phone),
    dest: sms.to ? smppAddress(sms.to) : { addr: '', ton: 0, npi: 0 },
    text: sms.text,
    received_at: sms.receivedAt.toISOString(),
  };
  await db.insert(smppOutbox).values({ clientId, kind: 'mo', payload, createdAt: now });
  await notify(db, [clientId]);
  return true;
}

export interface OutboxRow {
  id: number;
  clientId: number;
  attempts: number;
  payload: OutboxPayload;
}

/** Claims up to `limit` due rows of these clients for this instance (FOR UPDATE SKIP LOCKED: never twice). */
export async function claimOutbox(db: Db, clientIds: number[], instanceId: string, limit: number, now = new Date()): Promise<OutboxRow[]> {
  if (!clientIds.length || limit <= 0) return [];
  const ts = now.toISOString();
  const until = new Date(now.getTime() + CLAIM_MS).toISOString();
  const rows = rowsOf<{ id: number | string; client_id: number; attempts: number; payload: OutboxPayload | string }>(
    await db.execute(sql`
    update ${smppOutbox} set locked_by = ${instanceId}, locked_until = ${until}::timestamptz
    where id in (
      select id from ${smppOutbox}
      where client_id in (${sql.join(
        clientIds.map((c) => sql`${c}`),
        sql`, `,
      )}) and available_at <= ${ts}::timestamptz and (locked_until is null or locked_until < ${ts}::timestamptz)
      order by id limit ${limit}
      for update skip locked)
    returning id, client_id, attempts, payload`),
  );
  return rows
    .map((r) => ({
      id: Number(r.id),
      clientId: r.client_id,
      attempts: r.attempts,
      payload: (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as OutboxPayload,
    }))
    .sort((a, b) => a.id - b.id);
}

/** The receiver answered deliver_sm_resp OK: the row is done. */
export async function ackOutbox(db: Db, id: number): Promise<void> {
  await db.delete(smppOutbox).where(eq(smppOutbox.id, id));
}

/** Refused or unanswered: offered again after a backoff (10 s, 20 s, … up to 10 min), dropped after MAX_ATTEMPTS. */
export async function retryOutbox(db: Db, row: OutboxRow, now = new Date()): Promise<'retry' | 'dropped'> {
  const attempts = row.attempts + 1;
  if (attempts >= MAX_ATTEMPTS) {
    await ackOutbox(db, row.id);
    return 'dropped';
  }
  const at = new Date(now.getTime() + Math.min(600_000, 10_000 * 2 ** (attempts - 1)));
  await db.update(smppOutbox).set({ attempts, availableAt: at, lockedBy: null, lockedUntil: null }).where(eq(smppOutbox.id, row.id));
  return 'retry';
}

/** A bind closed with rows in flight: they are offered again at once, without counting an attempt. */
export async function releaseOutbox(db: Db, ids: number[]): Promise<void> {
  if (ids.length) await db.update(smppOutbox).set({ lockedBy: null, lockedUntil: null }).where(inArray(smppOutbox.id, ids));
}

/** Housekeeping (any instance, any time): old outbox rows, old parts, parts of long messages never completed, dead binds. */
export async function sweepSmpp(db: Db, now = new Date()): Promise<void> {
  const t = now.getTime();
  await db.delete(smppOutbox).where(lt(smppOutbox.createdAt, new Date(t - OUTBOX_KEEP_MS)));
  await db.delete(smppParts).where(lt(smppParts.createdAt, new Date(t - PARTS_KEEP_MS)));
  await db.execute(
    sql`delete from ${smppParts} where message_id is null and created_at < ${new Date(t - PARTS_WAIT_MS).toISOString()}::timestamptz`,
  );
  await db.delete(smppBinds).where(lt(smppBinds.lastSeenAt, new Date(t - 5 * BIND_STALE_MS)));
}
