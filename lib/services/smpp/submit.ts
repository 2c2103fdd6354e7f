import 'server-only';
import { createHash } from 'node:crypto';
import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { clients, smppParts } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { DomainError } from '@/lib/errors';
import { deferEvents } from '@/lib/events';
import { pgError } from '@/lib/http/errors';
import { hitRateLimit } from '@/lib/http/rate-limit';
import { logError } from '@/lib/log';
import type { CountryCode } from '@/lib/phone';
import { destinationToE164 } from '@/lib/smpp/address';
import { type Pdu, STATUS } from '@/lib/smpp/codec';
import { decodeText, type UserData, userDataOf } from '@/lib/smpp/text';
import { parseSmppTime } from '@/lib/smpp/time';
import { messageText } from '@/lib/validation/messages';
import { newId } from '../ids';
import { assertCanSend, assertQuota, clientLimits } from '../limits';
import { DEFAULT_VALIDITY_MS, queueMessages } from '../messages';
import { PARTS_WAIT_MS } from './outbox';

const MAX_VALIDITY_MS = 7 * 86_400_000 - 60_000;
/** A re-sent PDU (same sequence number and bytes) within this time gets the first answer. */
const DEDUPE_MS = 86_400_000;

export interface SubmitSession {
  clientId: number;
  ip: string | null;
  /** submit_sm per second across all binds and instances (the package's SMPP throughput). */
  throughput: number;
  /** Where national numbers are read. */
  country: CountryCode;
}

export interface SubmitAnswer {
  status: number;
  /** The id answered in submit_sm_resp (this part's; a receipt names it). */
  messageId?: string;
  /** Why it was refused, for the log. */
  reason?: string;
}

class Refusal extends Error {
  constructor(
    readonly status: number,
    reason: string,
  ) {
    super(reason);
  }
}

/** What a refused send means in SMPP: the quota → queue full; throughput → throttled; the account → submit failed. */
export function smppStatusOf(err: unknown): number {
  if (err instanceof Refusal) return err.status;
  if (err instanceof DomainError) {
    if (err.code === 'daily_limit_reached' || err.code === 'period_limit_reached') return STATUS.ESME_RMSGQFUL;
    if (err.code === 'rate_limited') return STATUS.ESME_RTHROTTLED;
    // The number opted out (the client's blocklist): refused like an address it may not send to.
    if (err.code === 'opted_out') return STATUS.ESME_RINVDSTADR;
    if (err.code === 'account_suspended' || err.code === 'subscription_expired' || err.code === 'validation_failed')
      return STATUS.ESME_RSUBMITFAIL;
  }
  logError('smpp submit_sm failed', err);
  return STATUS.ESME_RSYSERR;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

/** The validity of the message: validity_period if given (clamped to 7 days), else the default hour. */
function validityOf(pdu: Pdu, now: Date): Date {
  const sched = parseSmppTime(str(pdu.schedule_delivery_time), now);
  if (sched === undefined || (sched && sched.getTime() > now.getTime() + 60_000))
    throw new Refusal(STATUS.ESME_RINVSCHED, 'scheduled delivery is not supported');
  const v = parseSmppTime(str(pdu.validity_period), now);
  if (v === undefined || (v && v.getTime() <= now.getTime()))
    throw new Refusal(STATUS.ESME_RINVEXPIRY, 'validity_period is invalid or past');
  const at = v ?? new Date(now.getTime() + DEFAULT_VALIDITY_MS);
  return new Date(Math.min(at.getTime(), now.getTime() + MAX_VALIDITY_MS));
}

function textOf(parts: { bytes: Buffer; dataCoding: number; shift: number }[]): string {
  const same = parts.every((p) => p.dataCoding === parts[0].dataCoding && p.shift === parts[0].shift);
  // One coding: decode the joined bytes (a surrogate pair or GSM escape may straddle two parts).
  const pieces = same ? [{ ...parts[0], bytes: Buffer.concat(parts.map((p) => p.bytes)) }] : parts;
  let text = '';
  for (const p of pieces) {
    const t = decodeText(p.bytes, p.dataCoding, p.shift);
    if (!t.ok) throw new Refusal(t.status, t.reason);
    text += t.value;
  }
  const checked = messageText.safeParse(text);
  if (!checked.success) throw new Refusal(STATUS.ESME_RINVMSGLEN, checked.error.issues[0]?.message ?? 'invalid text');
  return text;
}

/**
 * One submit_sm of a bound client: a single message is queued at once through the same send as the API;
 * a part of a long message is kept until all its parts are in (on any bind or instance), then the whole
 * text is queued as one message. Every part is answered with its own id.
 */
export async function submitSm(db: Db, s: SubmitSession, pdu: Pdu, raw: Buffer, now = new Date()): Promise<SubmitAnswer> {
  const dedupeKey = createHash('sha256').update(raw).digest('hex');
  try {
    const [seen] = await db
      .select({ id: smppParts.id })
      .from(smppParts)
      .where(
        and(
          eq(smppParts.clientId, s.clientId),
          eq(smppParts.dedupeKey, dedupeKey),
          gt(smppParts.createdAt, new Date(now.getTime() - DEDUPE_MS)),
        ),
      );
    if (seen) return { status: STATUS.ESME_ROK, messageId: seen.id };
    await hitRateLimit(db, `smpp:throughput:${s.clientId}`, s.throughput, 1000, now);
    const source = str(pdu.source_addr);
    const dest = str(pdu.destination_addr);
    if (source.length > 20) throw new Refusal(STATUS.ESME_RINVSRCADR, 'source_addr is longer than 20 characters');
    const e164 = dest.length <= 20 ? destinationToE164(dest, num(pdu.dest_addr_ton), s.country) : null;
    if (!e164) throw new Refusal(STATUS.ESME_RINVDSTADR, `not a phone number: ${dest.slice(0, 24)}`);
    if ((num(pdu.esm_class) >> 2) & 0x0f) throw new Refusal(STATUS.ESME_RINVESMCLASS, 'esm_class is not a normal message');
    const validUntil = validityOf(pdu, now);
    const ud = userDataOf(pdu);
    if (!ud.ok) throw new Refusal(ud.status, ud.reason);
    const part = {
      id: newId(),
      clientId: s.clientId,
      dedupeKey,
      content: ud.value.bytes.toString('base64'),
      dataCoding: ud.value.dataCoding,
      shiftTable: ud.value.shift,
      registeredDelivery: num(pdu.registered_delivery),
      sourceAddr: source,
      sourceTon: num(pdu.source_addr_ton),
      sourceNpi: num(pdu.source_addr_npi),
      destAddr: dest,
      destTon: num(pdu.dest_addr_ton),
      destNpi: num(pdu.dest_addr_npi),
      validUntil,
      createdAt: now,
    };
    const actor: Actor = { userId: s.clientId, role: 'client', ip: s.ip };
    const queue = (tx: Db, id: string, text: string) =>
      queueMessages(tx, actor, { messages: [{ id, phones: [e164] }], text, source: 'smpp', validUntil }, now);
    const id = await deferEvents(() =>
      ud.value.concat ? keepPart(db, part, ud.value, e164, now, queue) : queueSingle(db, part, ud.value, queue),
    );
    return { status: STATUS.ESME_ROK, messageId: id };
  } catch (err) {
    const pg = pgError(err);
    if (pg?.code === '23505' && pg.constraint === 'smpp_parts_dedupe_idx') {
      // The same PDU on two binds at once: the other one's answer.
      const [seen] = await db
        .select({ id: smppParts.id })
        .from(smppParts)
        .where(and(eq(smppParts.clientId, s.clientId), eq(smppParts.dedupeKey, dedupeKey)));
      if (seen) return { status: STATUS.ESME_ROK, messageId: seen.id };
    }
    return { status: smppStatusOf(err), reason: err instanceof Error ? err.message : String(err) };
  }
}

type Part = typeof smppParts.$inferInsert & { id: string };

/**
 * The client row first, as the send itself takes it: a part's insert holds a key-share lock on that row
 * (the foreign key), and two transactions both holding one while asking for FOR UPDATE would deadlock.
 */
async function lockClient(tx: Db, clientId: number): Promise<void> {
  await tx.select({ id: clients.id }).from(clients).where(eq(clients.id, clientId)).for('update');
}
type Queue = (tx: Db, id: string, text: string) => Promise<unknown>;

async function queueSingle(db: Db, part: Part, ud: UserData, queue: Queue): Promise<string> {
  const text = textOf([ud]);
  return db.transaction(async (tx) => {
    await lockClient(tx, part.clientId);
    await tx.insert(smppParts).values({ ...part, messageId: part.id });
    await queue(tx, part.id, text);
    return part.id;
  });
}

async function keepPart(db: Db, part: Part, ud: UserData, e164: string, now: Date, queue: Queue): Promise<string> {
  const concat = ud.concat;
  if (!concat) throw new Error('keepPart without concatenation');
  // Refuse early when even one more SMS does not fit (the whole message is checked again when complete).
  const limits = await clientLimits(db, part.clientId, now);
  assertCanSend(limits);
  assertQuota(limits, 1);
  const concatKey = `${part.sourceAddr}|${e164}|${concat.ref}|${concat.total}`;
  return db.transaction(async (tx) => {
    // One long message at a time per client: parts arriving together on several binds see each other.
    await lockClient(tx, part.clientId);
    const waiting = await tx
      .select()
      .from(smppParts)
      .where(
        and(
          eq(smppParts.clientId, part.clientId),
          eq(smppParts.concatKey, concatKey),
          isNull(smppParts.messageId),
          gt(smppParts.createdAt, new Date(now.getTime() - PARTS_WAIT_MS)),
        ),
      );
    const again = waiting.find((p) => p.partNo === concat.seq);
    if (again) return again.id;
    await tx.insert(smppParts).values({ ...part, concatKey, partNo: concat.seq, partTotal: concat.total });
    const all = [
      ...waiting,
      { ...part, partNo: concat.seq, content: part.content, dataCoding: part.dataCoding ?? 0, shiftTable: part.shiftTable ?? 0 },
    ];
    if (new Set(all.map((p) => p.partNo)).size < concat.total) return part.id;
    const text = textOf(
      all
        .sort((a, b) => a.partNo - b.partNo)
        .map((p) => ({ bytes: Buffer.from(p.content, 'base64'), dataCoding: p.dataCoding, shift: p.shiftTable })),
    );
    const messageId = newId();
    await queue(tx, messageId, text);
    await tx
      .update(smppParts)
      .set({ messageId })
      .where(
        inArray(
          smppParts.id,
          all.map((p) => p.id),
        ),
      );
    return part.id;
  });
}
