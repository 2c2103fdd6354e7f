// What an inbound SMS does besides being stored (docs/engagement.md): a stop word puts the sender on the
// client's blocklist (contact.opted_out); else a keyword may add the sender to a group and answer it
// (keyword.received). Stop words win over keywords. Runs in recordInbound's transaction; the auto-reply
// is queued after it commits, through the receiving phone, against the quota like any send.
import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { contactGroupMembers, contacts } from '@/db/schema';
import { logError } from '@/lib/log';
import { parsePhone } from '@/lib/phone';
import { block } from './blocklist';
import { matchKeyword } from './keywords';
import { clientPhoneCountry } from './recipients';
import { queueMessages } from './send';
import { matchStopWord, ownStopWords } from './stop-words';
import { enqueueEvent } from './webhooks';

export interface InboundRow {
  id: number;
  clientId: number;
  deviceId: string;
  phone: string;
  text: string;
  receivedAt: Date;
}

export interface AutoReply {
  clientId: number;
  deviceId: string;
  phone: string;
  text: string;
}

/** Applies stop words and keywords to a stored inbound SMS; the auto-reply to queue after commit, if any. */
export async function applyInboundRules(tx: Db, row: InboundRow, now: Date): Promise<AutoReply | null> {
  const base = {
    phone: row.phone,
    device_id: row.deviceId,
    message: row.text,
    inbound_id: row.id,
    received_at: row.receivedAt.toISOString(),
  };
  const word = matchStopWord(row.text, await ownStopWords(tx, row.clientId));
  if (word) {
    const e164 = await senderE164(tx, row);
    // An alphanumeric sender or short code is no number we could send to: nothing to block.
    if (!e164) return null;
    const added = await block(tx, row.clientId, e164, 'stop_word', now);
    if (added) await enqueueEvent(tx, row.clientId, 'contact.opted_out', { ...base, phone: e164, word }, now);
    return null;
  }
  const k = await matchKeyword(tx, row.clientId, row.text);
  if (!k) return null;
  const e164 = await senderE164(tx, row);
  if (k.groupId && e164) {
    // Subscribe by SMS: the sender becomes a contact (if not one) and joins the keyword's group.
    await tx.execute(sql`
      with c as (
        insert into ${contacts} (client_id, phone) values (${row.clientId}, ${e164})
        on conflict (client_id, phone) do update set updated_at = excluded.updated_at
        returning id)
      insert into ${contactGroupMembers} (group_id, contact_id) select ${k.groupId}::int, c.id from c
      on conflict do nothing`);
  }
  await enqueueEvent(
    tx,
    row.clientId,
    'keyword.received',
    { ...base, phone: e164 ?? row.phone, keyword_id: k.id, keyword: k.keyword, group_id: k.groupId, replied: Boolean(k.reply && e164) },
    now,
  );
  return k.reply && e164 ? { clientId: row.clientId, deviceId: row.deviceId, phone: e164, text: k.reply } : null;
}

async function senderE164(tx: Db, row: InboundRow): Promise<string | null> {
  const p = parsePhone(row.phone, await clientPhoneCountry(tx, row.clientId));
  return p.ok ? p.e164 : null;
}

/** Queues a keyword's auto-reply; a refusal (quota, opted out, account) is logged, the inbound stays stored. */
export async function sendAutoReply(db: Db, r: AutoReply, now = new Date()): Promise<string | null> {
  try {
    const [m] = await queueMessages(
      db,
      { userId: r.clientId, role: 'client' },
      { messages: [{ phones: [r.phone] }], text: r.text, deviceId: r.deviceId, source: 'keyword' },
      now,
    );
    return m?.id ?? null;
  } catch (err) {
    logError('keyword auto-reply not sent', err);
    return null;
  }
}
