// The inbox (docs/engagement.md#inbox): received SMS as conversations per number, with unread counts and a
// reply through the phone that received the latest message.
import 'server-only';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '@/db';
import { inboundMessages } from '@/db/schema';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import { DomainError, notFound } from '@/lib/errors';
import { parsePhone } from '@/lib/phone';
import { toUnicode } from '@/lib/text/zawgyi';
import { likePattern, type Page, paginated } from './paging';
import { clientPhoneCountry } from './recipients';
import { queueMessages } from './send';

export interface ThreadView {
  phone: string;
  last_message: string;
  last_direction: 'in' | 'out';
  last_at: string;
  unread: number;
  device_id: string | null;
}

export interface InboxMessageView {
  id: string;
  direction: 'in' | 'out';
  message: string;
  unicode: string | null;
  state: string | null;
  device_id: string | null;
  at: string;
}

const iso = (v: unknown) => new Date(v as string).toISOString();
const unicodeOf = (text: string) => {
  const u = toUnicode(text);
  return u.converted ? u.text : null;
};

/** Conversations, latest first: each number that wrote, its latest SMS either way and how many are unread. */
export async function listThreads(
  db: Db,
  actor: Actor,
  q: { page: number; limit: number; search?: string; unread?: 'true' | 'false' },
): Promise<Page<ThreadView>> {
  assertCan(actor, 'sms.read');
  const clientId = actor.userId;
  const match = q.search
    ? sql`bool_or(i.phone like ${likePattern(q.search.replace(/\s/g, ''))} or i.text ilike ${likePattern(q.search)})`
    : sql`true`;
  const unread = q.unread === 'true' ? sql`and count(*) filter (where i.id > coalesce(r.last_read_id, 0)) > 0` : sql``;
  const rows = rowsOf<{ phone: string; last_id: number; unread: number; total: number }>(
    await db.execute(sql`
      select i.phone, max(i.id) as last_id, count(*) filter (where i.id > coalesce(r.last_read_id, 0)) as unread,
        count(*) over () as total
      from ${inboundMessages} i left join inbox_reads r on r.client_id = i.client_id and r.phone = i.phone
      where i.client_id = ${clientId} and i.kind = 'sms'
      group by i.phone, r.last_read_id
      having ${match} ${unread}
      order by max(i.id) desc limit ${q.limit} offset ${(q.page - 1) * q.limit}`),
  );
  if (!rows.length) return paginated([], q, 0);
  // The page's latest messages both ways (at most `limit` numbers).
  const last = rowsOf<{ phone: string; text: string; device_id: string | null; at: string; dir: 'in' | 'out' }>(
    await db.execute(sql`
      select t.phone, x.text, x.device_id, x.at, x.dir
      from unnest(${`{${rows.map((r) => `"${r.phone.replace(/["\\]/g, '')}"`).join(',')}}`}::text[]) as t(phone)
      cross join lateral (
        select * from (
          (select i.text, i.device_id, i.received_at as at, 'in' as dir from ${inboundMessages} i
            where i.client_id = ${clientId} and i.phone = t.phone and i.kind = 'sms' order by i.id desc limit 1)
          union all
          (select m.text, m.device_id, m.created_at as at, 'out' as dir from message_recipients mr
            join messages m on m.id = mr.message_id
            where mr.phone = t.phone and m.client_id = ${clientId} order by m.created_at desc limit 1)
        ) b order by at desc limit 1) x`),
  );
  const byPhone = new Map(last.map((l) => [l.phone, l]));
  const inDevice = new Map(
    rowsOf<{ phone: string; device_id: string }>(
      await db.execute(
        sql`select phone, device_id from ${inboundMessages} where id = any(${`{${rows.map((r) => r.last_id).join(',')}}`}::bigint[])`,
      ),
    ).map((r) => [r.phone, r.device_id]),
  );
  return paginated(
    rows.map((r) => {
      const l = byPhone.get(r.phone);
      return {
        phone: r.phone,
        last_message: l?.text ?? '',
        last_direction: l?.dir ?? 'in',
        last_at: iso(l?.at ?? new Date()),
        unread: Number(r.unread),
        device_id: inDevice.get(r.phone) ?? null,
      };
    }),
    q,
    rows[0].total,
  );
}

/** The numbers a conversation's phone may be stored as: as typed, and its E.164 reading. */
async function spellings(db: Db, clientId: number, phone: string): Promise<string[]> {
  const p = parsePhone(phone, await clientPhoneCountry(db, clientId));
  return [...new Set([phone.trim(), ...(p.ok ? [p.e164] : [])])];
}

const arr = (xs: string[]) => `{${xs.map((x) => `"${x.replace(/["\\]/g, '')}"`).join(',')}}`;

/** One conversation, newest first (received and sent), and it is marked read. */
export async function getThread(
  db: Db,
  actor: Actor,
  phone: string,
  q: { limit?: number } = {},
): Promise<{ phone: string; data: InboxMessageView[] }> {
  assertCan(actor, 'sms.read');
  const clientId = actor.userId;
  const names = await spellings(db, clientId, phone);
  const rows = rowsOf<{
    id: string;
    dir: 'in' | 'out';
    text: string;
    state: string | null;
    device_id: string | null;
    at: string;
    num: string;
  }>(
    await db.execute(sql`
      select * from (
        (select i.id::text as id, 'in' as dir, i.text, null as state, i.device_id, i.received_at as at, i.phone as num
          from ${inboundMessages} i where i.client_id = ${clientId} and i.phone = any(${arr(names)}::text[]) and i.kind = 'sms')
        union all
        (select m.id, 'out' as dir, m.text, mr.state, m.device_id, m.created_at as at, mr.phone as num
          from message_recipients mr join messages m on m.id = mr.message_id
          where mr.phone = any(${arr(names)}::text[]) and m.client_id = ${clientId})
      ) t order by at desc limit ${q.limit ?? 200}`),
  );
  const inbound = rows.filter((r) => r.dir === 'in');
  if (!inbound.length) throw notFound('Conversation');
  const lastIn = Math.max(...inbound.map((r) => Number(r.id)));
  await db.execute(sql`
    insert into inbox_reads (client_id, phone, last_read_id) values (${clientId}, ${inbound[0].num}, ${lastIn})
    on conflict (client_id, phone) do update set last_read_id = greatest(inbox_reads.last_read_id, excluded.last_read_id)`);
  return {
    phone: inbound[0].num,
    data: rows.map((r) => ({
      id: r.id,
      direction: r.dir,
      message: r.text,
      unicode: r.dir === 'in' ? unicodeOf(r.text) : null,
      state: r.state,
      device_id: r.device_id,
      at: iso(r.at),
    })),
  };
}

/** A reply, through the phone that received the latest SMS of the conversation (against the quota). */
export async function replyToThread(
  db: Db,
  actor: Actor,
  phone: string,
  message: string,
  source: 'api' | 'portal',
): Promise<{ id: string; phone: string; device_id: string; state: string }> {
  assertCan(actor, 'sms.send');
  const clientId = actor.userId;
  const names = await spellings(db, clientId, phone);
  const [last] = rowsOf<{ phone: string; device_id: string }>(
    await db.execute(sql`select phone, device_id from ${inboundMessages}
      where client_id = ${clientId} and phone = any(${arr(names)}::text[]) and kind = 'sms' order by id desc limit 1`),
  );
  if (!last) throw notFound('Conversation');
  const p = parsePhone(last.phone, await clientPhoneCountry(db, clientId));
  if (!p.ok)
    throw new DomainError('validation_failed', `${last.phone} is not a number a reply can go to.`, {
      fields: { phone: ['Not a phone number.'] },
    });
  const [m] = await queueMessages(db, actor, { messages: [{ phones: [p.e164] }], text: message, deviceId: last.device_id, source });
  return { id: m.id, phone: p.e164, device_id: last.device_id, state: m.state };
}
