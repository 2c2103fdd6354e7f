// Starting and dispatching campaigns (docs/campaigns.md). The start takes the quota for every recipient at
// once (all or nothing) and turns the campaign `sending`; dispatching turns waiting recipients into messages
// for the phones — one set-based statement per pass, round robin over the client's enabled phones (or the
// chosen one), outside quiet hours and within the per-phone pace. Jobs (lib/services/campaign-jobs.ts) run
// both for scheduled campaigns; a campaign sent now starts inside its creating transaction, in one pass
// (startNow) when no quiet hours or pace hold it back.
import 'server-only';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '@/db';
import { type CampaignSkipped, campaigns } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { emitEnqueued } from '@/lib/events';
import type { Recipient } from './campaign-audience';
import { isQuiet, readCampaignSettings } from './campaign-settings';
import { newId } from './ids';
import { assertCanSend, assertQuota, type ClientContext, clientContext } from './limits';
import { at } from './subscriptions';
import { pgArray, takeQuota, usageCounts } from './usage';

export type CampaignRow = typeof campaigns.$inferSelect;

/** Locks the campaign row (FOR UPDATE), or with `skipLocked` answers null when another transaction holds it. */
export async function lockCampaign(tx: Db, id: number, skipLocked = false): Promise<CampaignRow | null> {
  const rows = await tx
    .select()
    .from(campaigns)
    .where(sql`${campaigns.id} = ${id}`)
    .for('update', skipLocked ? { skipLocked: true } : {});
  return rows[0] ?? null;
}

/**
 * Starts a campaign whose row the transaction holds: numbers blocked since it was created are skipped, the
 * device and the account are checked, the quota for every remaining recipient is taken at once. Throws the
 * refusal (429 with limit, used and requested; 403; 400) and changes nothing when it does not fit.
 */
export async function startCampaign(tx: Db, c: CampaignRow, now: Date): Promise<{ campaign: CampaignRow; dispatched: Dispatched | null }> {
  const ctx = await clientContext(tx, c.clientId, now, { deviceId: c.deviceId ?? undefined, lock: true });
  assertCanSend(ctx);
  if (c.deviceId && !ctx.device) throw new DomainError('validation_failed', 'The chosen device is no longer on this account.');
  if (c.deviceId && !ctx.device?.enabled) throw new DomainError('validation_failed', 'The chosen device is disabled.');
  const optedOut = rowsOf(
    await tx.execute(sql`update campaign_recipients r set state = 'skipped'
      where r.campaign_id = ${c.id} and r.state = 'waiting'
        and exists (select 1 from blocklist b where b.client_id = ${c.clientId} and b.phone = r.phone)
      returning r.position`),
  ).length;
  const count = c.recipientCount - optedOut;
  if (count > 0) await takeCampaignQuota(tx, c.clientId, count, ctx, now);
  const skipped: CampaignSkipped = { ...c.skipped, opted_out: c.skipped.opted_out + optedOut };
  const [started] = await tx
    .update(campaigns)
    .set({
      state: count > 0 ? 'sending' : 'done',
      startedAt: now,
      finishedAt: count > 0 ? null : now,
      recipientCount: count,
      skipped,
      updatedAt: now,
    })
    .where(sql`${campaigns.id} = ${c.id}`)
    .returning();
  const dispatched = count > 0 ? await dispatchCampaign(tx, started, now, ctx) : null;
  return { campaign: started, dispatched };
}

/** The quota for `count` SMS taken at once, or the refusal (429 with limit, used and requested) thrown. */
async function takeCampaignQuota(tx: Db, clientId: number, count: number, ctx: ClientContext, now: Date): Promise<void> {
  const q = { clientId, count, dailyLimit: ctx.dailyLimit, periodLimit: ctx.periodLimit, periodStart: ctx.periodStart, now };
  if (await takeQuota(tx, { ...q, timeZone: ctx.timeZone })) return;
  const used = (await usageCounts(tx, new Map([[clientId, ctx.periodStart]]), now, ctx.timeZone)).get(clientId) ?? {
    today: 0,
    period: 0,
  };
  assertQuota({ ...ctx, used }, count);
  throw new DomainError('daily_limit_reached', `The daily limit of ${ctx.dailyLimit} SMS is reached.`, {
    limit: ctx.dailyLimit,
    requested: count,
  });
}

// A campaign's message ids: 21 characters as every message id (lib/services/ids.ts), a random 13-character
// prefix per pass and the recipient's position in 8 digits. Unique by the position, and the ids of one pass
// sit side by side in the messages' and recipients' primary-key indexes: 10,000 random ids made every
// insert land on another page of those indexes (2-3× the time of the same insert in order, see
// docs/benchmarks.md).

/** The phones a campaign's messages go to: the chosen one, or the client's enabled ones ([null]: none yet, any). */
async function dispatchTargets(tx: Db, clientId: number, deviceId: string | null): Promise<(string | null)[]> {
  if (deviceId) return [deviceId];
  const ids = rowsOf<{ id: string }>(
    await tx.execute(sql`select id from devices where client_id = ${clientId} and enabled and removed_at is null order by id`),
  ).map((d) => d.id);
  return ids.length ? ids : [null];
}

export interface NewCampaign {
  clientId: number;
  name: string;
  text: string;
  templateId: number | null;
  deviceId: string | null;
  source: 'api' | 'portal';
}

/**
 * A campaign for now, started in one pass when nothing holds its messages back (no quiet hours now, no
 * pace): the account and device checked, numbers blocked since the audience was read dropped (the blocklist
 * read rides on the client's read), the quota taken, the campaign row inserted `sending`, then its
 * recipients inserted already queued together with their messages and message recipients — one set-based
 * statement, no recipient row written twice. Answers null when quiet hours or a pace apply: the caller then
 * stores the recipients waiting and starts the campaign the general way (startCampaign).
 */
export async function startNow(
  tx: Db,
  c: NewCampaign,
  recipients: Recipient[],
  skipped: CampaignSkipped,
  now: Date,
): Promise<{ campaign: CampaignRow; dispatched: Dispatched | null } | null> {
  const ctx = await clientContext(tx, c.clientId, now, {
    deviceId: c.deviceId ?? undefined,
    lock: true,
    phones: recipients.map((r) => r.phone),
  });
  assertCanSend(ctx);
  if (c.deviceId && !ctx.device) throw new DomainError('validation_failed', 'The chosen device is no longer on this account.');
  if (c.deviceId && !ctx.device?.enabled) throw new DomainError('validation_failed', 'The chosen device is disabled.');
  const settings = await readCampaignSettings(tx, c.clientId);
  if (settings.pace_per_minute || isQuiet(settings.quiet_hours, now, ctx.timeZone)) return null;
  const blocked = ctx.blocked ?? new Set<string>();
  const send = blocked.size ? recipients.filter((r) => !blocked.has(r.phone)) : recipients;
  const count = send.length;
  if (count > 0) await takeCampaignQuota(tx, c.clientId, count, ctx, now);
  const targets = count > 0 ? await dispatchTargets(tx, c.clientId, c.deviceId) : [];
  const [created] = await tx
    .insert(campaigns)
    .values({
      clientId: c.clientId,
      name: c.name,
      text: c.text,
      templateId: c.templateId,
      deviceId: c.deviceId,
      state: count > 0 ? 'sending' : 'done',
      source: c.source,
      recipientCount: count,
      skipped: { ...skipped, opted_out: skipped.opted_out + (recipients.length - count) },
      startedAt: now,
      finishedAt: count > 0 ? null : now,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!count) return { campaign: created, dispatched: null };
  const validUntil = new Date(now.getTime() + ctx.settings.default_validity_minutes * 60_000);
  const states = JSON.stringify({ pending: now.toISOString() });
  await tx.execute(sql`
    with u as materialized (
      select (u.ord - 1)::int as position, u.phone, u.contact_id, u.name, u.text, u.segments, u.encoding,
        ${newId(13)}::text || lpad((u.ord - 1)::text, 8, '0') as mid,
        (${pgArray(targets)}::text[])[((u.ord - 1) % ${targets.length}::int + 1)::int] as device_id
      from unnest(${pgArray(send.map((r) => r.phone))}::text[], ${pgArray(send.map((r) => r.contactId))}::int[],
        ${pgArray(send.map((r) => r.name))}::text[], ${pgArray(send.map((r) => r.text))}::text[],
        ${pgArray(send.map((r) => r.segments))}::int[], ${pgArray(send.map((r) => r.encoding))}::text[])
        with ordinality as u(phone, contact_id, name, text, segments, encoding, ord)
    ), m as (
      insert into messages (id, client_id, reseller_id, device_id, text, recipient_count, segments, encoding, source, valid_until, states, created_at, updated_at)
      select mid, ${c.clientId}::int, ${ctx.resellerId}::int, device_id, text, 1, segments, encoding, ${c.source}::text, ${at(validUntil)},
        ${states}::jsonb, ${at(now)}, ${at(now)}
      from u
    ), mr as (
      insert into message_recipients (message_id, created_at, position, phone, updated_at) select mid, ${at(now)}, 0, phone, ${at(now)} from u
    )
    insert into campaign_recipients (campaign_id, position, phone, contact_id, name, text, segments, encoding, state, message_id, device_id, dispatched_at)
    select ${created.id}::int, position, phone, contact_id, name, text, segments, encoding, 'queued', mid, device_id, ${at(now)} from u`);
  return { campaign: created, dispatched: { queued: count, devices: targets.slice(0, count) } };
}

/** The refusal of a scheduled campaign at its start, kept as its state's reason. */
export function refusalReason(err: unknown): Record<string, unknown> {
  if (err instanceof DomainError) return { code: err.code, message: err.message, ...err.details };
  return { code: 'internal_error', message: 'The campaign could not be started.' };
}

/**
 * Turns waiting recipients of a `sending` campaign (row held by the transaction) into messages: none inside
 * quiet hours; with a pace, as many per phone as its last minute leaves. Answers how many were queued.
 */
export async function dispatchCampaign(tx: Db, c: CampaignRow, now: Date, known?: ClientContext): Promise<Dispatched> {
  const ctx = known ?? (await clientContext(tx, c.clientId, now));
  const settings = await readCampaignSettings(tx, c.clientId);
  if (isQuiet(settings.quiet_hours, now, ctx.timeZone)) return { queued: 0, devices: [] };
  let targets = await dispatchTargets(tx, c.clientId, c.deviceId);
  const devices = targets.filter((d): d is string => d !== null);
  let limit = 1_000_000;
  if (settings.pace_per_minute) {
    const pace = settings.pace_per_minute;
    const recent = new Map(
      rowsOf<{ device_id: string; n: number }>(
        await tx.execute(sql`select device_id, count(*)::int as n from campaign_recipients
          where device_id = any(${pgArray(devices)}::text[]) and dispatched_at > ${at(new Date(now.getTime() - 60_000))}
          group by device_id`),
      ).map((r) => [r.device_id, Number(r.n)]),
    );
    const room = devices.map((d) => ({ d, left: pace - (recent.get(d) ?? 0) })).filter((x) => x.left > 0);
    if (devices.length && !room.length) return { queued: 0, devices: [] };
    if (room.length) {
      targets = room.map((x) => x.d);
      limit = Math.min(...room.map((x) => x.left)) * room.length;
    } else limit = pace;
  }
  const validUntil = new Date(now.getTime() + ctx.settings.default_validity_minutes * 60_000);
  const states = JSON.stringify({ pending: now.toISOString() });
  // Counted on the day the quota was taken (its start), so an expiry or a cancel gives it back there.
  const createdAt = c.startedAt ?? now;
  const rows = rowsOf<{ device_id: string | null }>(
    await tx.execute(sql`
    with pick as materialized (
      select r.position, r.phone, r.text, r.segments, r.encoding,
        ${newId(13)}::text || lpad(r.position::text, 8, '0') as mid,
        (${pgArray(targets)}::text[])[((row_number() over (order by r.position) - 1) % ${targets.length}) + 1] as device_id
      from campaign_recipients r
      where r.campaign_id = ${c.id} and r.state = 'waiting'
      order by r.position limit ${limit}
    ), m as (
      insert into messages (id, client_id, reseller_id, device_id, text, recipient_count, segments, encoding, source, valid_until, states, created_at, updated_at)
      select mid, ${c.clientId}::int, ${ctx.resellerId}::int, device_id, text, 1, segments, encoding, ${c.source}::text, ${at(validUntil)},
        ${states}::jsonb, ${at(createdAt)}, ${at(now)}
      from pick returning id
    ), mr as (
      insert into message_recipients (message_id, created_at, position, phone, updated_at)
      select mid, ${at(createdAt)}, 0, phone, ${at(now)} from pick returning message_id
    )
    update campaign_recipients r set state = 'queued', message_id = pick.mid, device_id = pick.device_id, dispatched_at = ${at(now)}
    from pick where r.campaign_id = ${c.id} and r.position = pick.position
    returning pick.device_id`),
  );
  return { queued: rows.length, devices: [...new Set(rows.map((r) => r.device_id))] };
}

export interface Dispatched {
  queued: number;
  /** The phones given messages (null: any of the client's); tell them after the commit (wakeDevices). */
  devices: (string | null)[];
}

/** After the commit: the phones given messages are told (SSE / push), as a send does. */
export function wakeDevices(clientId: number, d: Dispatched | null | undefined): void {
  for (const deviceId of d?.devices ?? []) emitEnqueued({ clientId, deviceId });
}

/** A `sending` campaign with nothing waiting and no message still on its way is `done`. */
export async function finishCampaigns(db: Db, now: Date): Promise<number> {
  return rowsOf(
    await db.execute(sql`update campaigns c set state = 'done', finished_at = ${at(now)}, updated_at = ${at(now)}
      where c.state = 'sending'
        and not exists (select 1 from campaign_recipients r where r.campaign_id = c.id and r.state = 'waiting')
        and not exists (select 1 from campaign_recipients r join messages m on m.id = r.message_id
                        where r.campaign_id = c.id and m.state in ('pending', 'processing', 'cancelling'))
      returning c.id`),
  ).length;
}
