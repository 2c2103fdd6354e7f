import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { type MessageState, messageRecipients, messageRefs, messages } from '@/db/schema';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import { DomainError, fieldError } from '@/lib/errors';
import { emitEnqueued } from '@/lib/events';
import { pgError } from '@/lib/http/errors';
import { type UsageAfterSend, usageAfterSend } from '@/lib/notifications/service-events';
import { smsLength } from '@/lib/sms/encoding';
import { toUnicode } from '@/lib/text/zawgyi';
import { newIds } from './ids';
import { assertCanSend, assertQuota, clientContext } from './limits';
import type { MessageView } from './messages';
import { at } from './subscriptions';
import { pgArray, takeQuota, usageCounts } from './usage';

/** The validity when neither the sender nor the platform setting (`default_validity_minutes`) says. */
export const DEFAULT_VALIDITY_MS = 3_600_000;
export const MAX_VALIDITY_MS = 7 * 86_400_000;

export interface QueueRequest {
  /**
   * Each entry is one message; its phones are that message's recipients. `id` is our id, when the caller
   * must know it in advance (SMPP); `ref` is the id a client chose (3rd-party API), unique per client.
   */
  messages: { id?: string; ref?: string; phones: string[] }[];
  text: string;
  deviceId?: string;
  validUntil?: Date;
  source: (typeof messages.$inferSelect)['source'];
  withDeliveryReport?: boolean;
  simNumber?: number;
  /** Send Zawgyi text as typed; otherwise text that is Zawgyi (lib/text/zawgyi.ts) is sent as Unicode. */
  keepEncoding?: boolean;
  /** The app's priority (-128..127; ≥ 100 skips the app's send delays). */
  priority?: number;
  /** The text and numbers are the caller's ciphertext (the app decrypts them). */
  isEncrypted?: boolean;
}

export interface QueueResult {
  /** The messages queued: those of the request less the blocklisted numbers (a message left without any is not). */
  messages: MessageView[];
  /** The numbers skipped because the client's blocklist has them (opted out): neither queued nor counted. */
  skipped: string[];
}

/**
 * queueMessagesReport for the callers that do not report skipped numbers (OTP, SMPP: one number each): a
 * send whose every number is blocklisted is refused (422 opted_out), nothing queued or counted.
 */
export async function queueMessages(db: Db, actor: Actor, req: QueueRequest, now = new Date()): Promise<MessageView[]> {
  const r = await queueMessagesReport(db, actor, req, now);
  if (!r.messages.length && r.skipped.length) throw optedOut(r.skipped);
  return r.messages;
}

export const optedOut = (phones: string[]) =>
  new DomainError('opted_out', `${phones.join(', ')} opted out: the number is on the blocklist.`, { skipped: phones });

/**
 * Queues SMS for the client's devices in one transaction of three statements, whatever the number of
 * recipients (docs/scaling.md#usage-counters): the client, its subscription and which of the numbers it has
 * blocked (docs/engagement.md); the quota, taken from the day's and the period's counters by one conditional
 * upsert (exact under any concurrency; a request that does not fit is refused whole) for the numbers not
 * blocked; the messages and their recipients, set-based inserts in one statement.
 */
export async function queueMessagesReport(db: Db, actor: Actor, req: QueueRequest, now = new Date()): Promise<QueueResult> {
  assertCan(actor, 'sms.send');
  // The input boundary of every send (API, portal, 3rd-party, SMPP, OTP): Zawgyi becomes Unicode before
  // anything counts or stores it (docs/zawgyi.md).
  req = { ...req, text: toUnicode(req.text, req.keepEncoding).text };
  const clientId = actor.userId;
  if (req.validUntil && req.validUntil <= now) throw fieldError('valid_until', 'valid_until must be in the future.');
  if (req.validUntil && req.validUntil.getTime() - now.getTime() > MAX_VALIDITY_MS)
    throw fieldError('valid_until', 'valid_until is at most 7 days ahead.');
  // Without one, the platform's default validity (read with the client, in the same statement).
  let validUntil = req.validUntil ?? now;
  const len = smsLength(req.text);
  const states = { pending: now.toISOString() };
  let kept = req.messages;
  let skipped: string[] = [];
  let ids: string[] = [];
  let usage: UsageAfterSend | null = null;
  await db.transaction(async (tx) => {
    const all = req.messages.flatMap((m) => m.phones);
    const ctx = await clientContext(tx, clientId, now, { deviceId: req.deviceId, lock: true, phones: all });
    assertCanSend(ctx);
    validUntil = req.validUntil ?? new Date(now.getTime() + ctx.settings.default_validity_minutes * 60_000);
    if (req.deviceId) {
      if (!ctx.device) throw fieldError('device_id', 'No such device on this account.');
      if (!ctx.device.enabled) throw fieldError('device_id', 'This device is disabled.');
    }
    const blocked = ctx.blocked ?? new Set<string>();
    if (blocked.size) {
      skipped = all.filter((p) => blocked.has(p));
      kept = req.messages.map((m) => ({ ...m, phones: m.phones.filter((p) => !blocked.has(p)) })).filter((m) => m.phones.length);
    }
    const fresh = newIds(kept.length);
    ids = kept.map((m, i) => m.id ?? fresh[i]);
    const total = kept.reduce((n, m) => n + m.phones.length, 0);
    if (!total) return;
    const q = { clientId, count: total, dailyLimit: ctx.dailyLimit, periodLimit: ctx.periodLimit, periodStart: ctx.periodStart, now };
    const counted = await takeQuota(tx, { ...q, timeZone: ctx.timeZone });
    if (!counted) {
      // The refusal's figures (the error path only): the counters as this transaction sees them.
      const used = (await usageCounts(tx, new Map([[clientId, ctx.periodStart]]), now, ctx.timeZone)).get(clientId) ?? {
        today: 0,
        period: 0,
      };
      assertQuota({ ...ctx, used }, total);
      throw new DomainError('daily_limit_reached', `The daily limit of ${ctx.dailyLimit} SMS is reached.`, { limit: ctx.dailyLimit });
    }
    // Callers parse numbers at the boundary (lib/services/recipients.ts): E.164, or raw with skipPhoneValidation.
    const flat = kept.flatMap((m, i) => m.phones.map((phone, position) => ({ id: ids[i], position, phone })));
    // The ids the caller chose or gave (its `ref`, or our id made in advance) are unique per client through
    // message_refs (the partitioned messages cannot hold that key), inserted by the same statement.
    const given = kept.map((m, i) => m.ref ?? (m.id ? ids[i] : null)).filter((r): r is string => r !== null);
    try {
      // The messages and their recipients in one statement (the recipients' foreign key is checked at its end).
      await tx.execute(sql`
        with refs as (
          insert into ${messageRefs} (client_id, ref, created_at) select ${clientId}::int, r, ${at(now)} from unnest(${pgArray(given)}::text[]) as r
        ), inserted as (
          insert into ${messages} (id, ref, client_id, reseller_id, device_id, text, recipient_count, segments, encoding, source,
            with_delivery_report, sim_number, priority, is_encrypted, valid_until, states, created_at, updated_at)
          select u.id, u.ref, ${clientId}::int, ${ctx.resellerId}::int, ${req.deviceId ?? null}::text, ${req.text}::text, u.n,
            ${len.segments}::int, ${len.encoding}::text, ${req.source}::text, ${req.withDeliveryReport ?? true}::boolean,
            ${req.simNumber ?? null}::int, ${req.priority ?? 0}::int, ${req.isEncrypted ?? false}::boolean, ${at(validUntil)}, ${JSON.stringify(states)}::jsonb, ${at(now)}, ${at(now)}
          from unnest(${pgArray(ids)}::text[], ${pgArray(kept.map((m) => m.ref ?? null))}::text[],
            ${pgArray(kept.map((m) => m.phones.length))}::int[]) as u(id, ref, n)
          returning id)
        insert into ${messageRecipients} (message_id, created_at, position, phone, updated_at)
        select u.id, ${at(now)}, u.position, u.phone, ${at(now)}
        from unnest(${pgArray(flat.map((r) => r.id))}::text[], ${pgArray(flat.map((r) => r.position))}::int[],
          ${pgArray(flat.map((r) => r.phone))}::text[]) as u(id, position, phone)
        join inserted i on i.id = u.id`);
    } catch (err) {
      if (pgError(err)?.code === '23505') {
        throw new DomainError('conflict', `A message with id ${given[0] ?? ''} exists.`);
      }
      throw err;
    }
    usage = {
      clientId,
      used: counted,
      dailyLimit: ctx.dailyLimit,
      periodLimit: ctx.periodLimit,
      periodStart: ctx.periodStart,
      timeZone: ctx.timeZone,
      now,
    };
  });
  if (kept.length) emitEnqueued({ clientId, deviceId: req.deviceId ?? null });
  // 80 % / 100 % of a limit (issue 16): after the commit, never failing the send.
  if (usage) await usageAfterSend(db, usage);
  const pending: MessageState = 'pending';
  // Formatted once: Date#toISOString costs ~1-2 µs, three a message were a fifth of a 1,000-recipient send's views.
  const [validIso, nowIso] = [validUntil.toISOString(), now.toISOString()];
  const views = kept.map((m, i) => {
    const recipients = m.phones.map((phone) => ({ phone, state: pending, error: null }));
    return {
      id: m.ref ?? ids[i],
      state: pending,
      phone: recipients[0]?.phone ?? '',
      recipients,
      message: req.text,
      segments: len.segments,
      encoding: len.encoding,
      device_id: req.deviceId ?? null,
      source: req.source,
      valid_until: validIso,
      is_encrypted: req.isEncrypted ?? false,
      error: null,
      states,
      created_at: nowIso,
      updated_at: nowIso,
    };
  });
  return { messages: views, skipped };
}
