import 'server-only';
import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { type MessageState, messageRecipients, messages } from '@/db/schema';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import { DomainError, notFound } from '@/lib/errors';
import { emitEnqueued } from '@/lib/events';
import { type CountryCode, DEFAULT_COUNTRY, phoneSearchTerm } from '@/lib/phone';
import type { ListMessagesQuery } from '@/lib/validation/messages';
import { dateRange } from './date-filter';
import { likePattern, type Page, paginated } from './paging';
import { giveBackQuota } from './usage';

export {
  DEFAULT_VALIDITY_MS,
  MAX_VALIDITY_MS,
  type QueueRequest,
  type QueueResult,
  queueMessages,
  queueMessagesReport,
} from './send';

export type Message = typeof messages.$inferSelect;
export type Recipient = typeof messageRecipients.$inferSelect;

export interface MessageView {
  id: string;
  state: MessageState;
  phone: string;
  recipients: { phone: string; state: MessageState; error: string | null }[];
  message: string;
  segments: number;
  encoding: 'gsm7' | 'ucs2';
  device_id: string | null;
  source: string;
  valid_until: string;
  /** The text and numbers are the sender's ciphertext (the app's end-to-end encryption). */
  is_encrypted: boolean;
  error: string | null;
  states: Record<string, string>;
  created_at: string;
  updated_at: string;
}

/** The id a client sees: the one it gave (3rd-party `id`), else ours. */
export const publicId = (m: Pick<Message, 'id' | 'ref'>) => m.ref ?? m.id;

/** SQL: the message a client's id names, among the messages `tenancy` allows. */
export const byPublicId = (id: string) => sql`coalesce(${messages.ref}, ${messages.id}) = ${id}`;

export function messageView(m: Message, rs: Recipient[]): MessageView {
  const recipients = rs.sort((a, b) => a.position - b.position).map((r) => ({ phone: r.phone, state: r.state, error: r.error }));
  return {
    id: publicId(m),
    state: m.state,
    phone: recipients[0]?.phone ?? '',
    recipients,
    message: m.text,
    segments: m.segments,
    encoding: m.encoding,
    device_id: m.claimedBy ?? m.deviceId,
    source: m.source,
    valid_until: m.validUntil.toISOString(),
    is_encrypted: m.isEncrypted,
    error: m.error,
    states: (m.states ?? {}) as Record<string, string>,
    created_at: m.createdAt.toISOString(),
    updated_at: m.updatedAt.toISOString(),
  };
}

export async function withRecipients(db: Db, rows: Message[]): Promise<MessageView[]> {
  if (!rows.length) return [];
  const rs = await db
    .select()
    .from(messageRecipients)
    .where(
      inArray(
        messageRecipients.messageId,
        rows.map((m) => m.id),
      ),
    );
  const by = new Map<string, Recipient[]>();
  for (const r of rs) {
    const list = by.get(r.messageId);
    if (list) list.push(r);
    else by.set(r.messageId, [r]);
  }
  return rows.map((m) => messageView(m, by.get(m.id) ?? []));
}

function tenancy(actor: Actor): SQL {
  if (actor.role === 'client') return eq(messages.clientId, actor.userId);
  if (actor.role === 'reseller') return eq(messages.resellerId, actor.userId);
  return sql`true`;
}

export async function getMessage(db: Db, actor: Actor, id: string): Promise<MessageView> {
  assertCan(actor, 'sms.read');
  const [m] = await db
    .select()
    .from(messages)
    .where(and(byPublicId(id), tenancy(actor)))
    .limit(1);
  if (!m) throw notFound('Message');
  return (await withRecipients(db, [m]))[0];
}

/** The message log's filters as SQL conditions, tenancy first (shared by the log and its CSV export). */
export function messageFilters(
  actor: Actor,
  q: Pick<ListMessagesQuery, 'status' | 'phone' | 'search' | 'from' | 'to'>,
  timeZone: string,
  country: CountryCode = DEFAULT_COUNTRY,
): SQL[] {
  const conds: SQL[] = [tenancy(actor), ...dateRange(messages.createdAt, q.from, q.to, timeZone)];
  if (q.status) conds.push(eq(messages.state, q.status));
  if (q.phone) {
    // A number typed in any format finds its E.164 form; anything else (a short code) is matched as stored.
    const phone = phoneSearchTerm(q.phone, country) ?? q.phone;
    conds.push(
      sql`exists (select 1 from ${messageRecipients} r where r.message_id = ${messages.id} and r.created_at = ${messages.createdAt} and r.phone = ${phone})`,
    );
  }
  if (q.search) {
    const p = likePattern(q.search);
    const asPhone = phoneSearchTerm(q.search, country);
    conds.push(
      or(
        ilike(messages.text, p),
        sql`exists (select 1 from ${messageRecipients} r where r.message_id = ${messages.id} and r.created_at = ${messages.createdAt} and r.phone ilike ${asPhone ? likePattern(asPhone) : p})`,
      ) ?? sql`false`,
    );
  }
  return conds;
}

export async function listMessages(
  db: Db,
  actor: Actor,
  q: ListMessagesQuery,
  timeZone: string,
  country: CountryCode = DEFAULT_COUNTRY,
): Promise<Page<MessageView>> {
  assertCan(actor, 'sms.read');
  const conds = messageFilters(actor, q, timeZone, country);
  const where = and(...conds);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(messages)
      .where(where)
      .orderBy(desc(messages.createdAt), desc(messages.id))
      .limit(q.limit)
      .offset((q.page - 1) * q.limit),
    db.select({ total: count() }).from(messages).where(where),
  ]);
  return paginated(await withRecipients(db, rows), q, total);
}

/**
 * The client's latest messages, newest first, without the log's total (which counts every message the
 * client ever sent): for the client's home page, whose cost must not grow with its history.
 */
export async function latestMessages(db: Db, actor: Actor, limit: number): Promise<{ data: MessageView[] }> {
  assertCan(actor, 'sms.read');
  const rows = await db.select().from(messages).where(tenancy(actor)).orderBy(desc(messages.createdAt), desc(messages.id)).limit(limit);
  return { data: await withRecipients(db, rows) };
}

/** The 3rd-party API's list: its own filters (instants, a set of states, a device), offset paging. */
export interface GatewayListFilters {
  from?: string;
  to?: string;
  states?: MessageState[];
  deviceId?: string;
  limit: number;
  offset: number;
  /** Oldest first (`sort=created_at`); newest first otherwise. */
  ascending?: boolean;
}

export async function listGatewayMessages(db: Db, actor: Actor, q: GatewayListFilters): Promise<{ data: MessageView[]; total: number }> {
  assertCan(actor, 'sms.read');
  const conds: SQL[] = [tenancy(actor)];
  if (q.from) conds.push(sql`${messages.createdAt} >= ${new Date(q.from).toISOString()}::timestamptz`);
  if (q.to) conds.push(sql`${messages.createdAt} < ${new Date(q.to).toISOString()}::timestamptz`);
  if (q.states) conds.push(inArray(messages.state, q.states));
  if (q.deviceId) conds.push(sql`(${messages.claimedBy} = ${q.deviceId} or ${messages.deviceId} = ${q.deviceId})`);
  const where = and(...conds);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(messages)
      .where(where)
      .orderBy(...(q.ascending ? [asc(messages.createdAt), asc(messages.id)] : [desc(messages.createdAt), desc(messages.id)]))
      .limit(q.limit)
      .offset(q.offset),
    db.select({ total: count() }).from(messages).where(where),
  ]);
  return { data: await withRecipients(db, rows), total };
}

/**
 * Cancel. A pending message never left the server: it is cancelled at once and its quota comes back. A
 * message a phone holds (claimed, not yet sent) becomes `cancelling` and its phone is told
 * (`MessageCancelled`, and the pull offers it as Cancelling); it ends `cancelled` when the phone confirms,
 * or takes whatever state the phone reports if it was already on its way. Anything later is 409.
 */
export async function cancelMessage(db: Db, actor: Actor, id: string, now = new Date()): Promise<MessageView> {
  assertCan(actor, 'sms.send');
  let tell: { clientId: number; deviceId: string } | null = null;
  const m = await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(messages)
      .where(and(byPublicId(id), tenancy(actor)))
      .limit(1)
      .for('update');
    if (!row) throw notFound('Message');
    if (row.state === 'cancelling') return row;
    if (row.state === 'processing' && row.claimedBy) {
      const states = { ...(row.states as Record<string, string>), cancelling: now.toISOString() };
      const [after] = await tx
        .update(messages)
        .set({ state: 'cancelling', states, updatedAt: now })
        .where(eq(messages.id, row.id))
        .returning();
      await tx
        .update(messageRecipients)
        .set({ state: 'cancelling', updatedAt: now })
        .where(and(eq(messageRecipients.messageId, row.id), eq(messageRecipients.state, 'processing')));
      tell = { clientId: row.clientId, deviceId: row.claimedBy };
      return after;
    }
    if (row.state !== 'pending')
      throw new DomainError('cannot_cancel', `Only a pending or queued message can be cancelled; this one is ${row.state}.`, {
        state: row.state,
      });
    const states = { ...(row.states as Record<string, string>), cancelled: now.toISOString() };
    const [after] = await tx
      .update(messages)
      .set({ state: 'cancelled', countsTowardQuota: false, states, updatedAt: now })
      .where(eq(messages.id, row.id))
      .returning();
    await tx.update(messageRecipients).set({ state: 'cancelled', updatedAt: now }).where(eq(messageRecipients.messageId, row.id));
    // It never left the server: its SMS go back to the counters it was counted in (lib/services/usage.ts).
    if (row.countsTowardQuota) await giveBackQuota(tx, [{ clientId: row.clientId, createdAt: row.createdAt, count: row.recipientCount }]);
    return after;
  });
  // After the commit, so the phone's pull sees the Cancelling state (other instances: the SSE re-check).
  if (tell) emitEnqueued({ ...(tell as { clientId: number; deviceId: string }), type: 'MessageCancelled', data: { messageId: id } });
  return (await withRecipients(db, [m]))[0];
}
