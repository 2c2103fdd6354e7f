// Campaigns (docs/campaigns.md): create (now or scheduled), list, read with per-state counts, cancel (every
// message not yet handed to a phone, its quota given back), resend the failed. The audience and each
// recipient's text are fixed at creation (lib/services/campaign-audience.ts); the start and the dispatch
// are in lib/services/campaign-dispatch.ts.
import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '@/db';
import { type CampaignSkipped, campaigns } from '@/db/schema';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import { DomainError, fieldError, notFound } from '@/lib/errors';
import { toUnicode } from '@/lib/text/zawgyi';
import { type AudienceInput, blockedAmong, type Recipient, resolveAudience } from './campaign-audience';
import { type CampaignRow, type Dispatched, lockCampaign, startCampaign, startNow, wakeDevices } from './campaign-dispatch';
import { type CampaignView, views } from './campaign-views';
import { type Page, paginated } from './paging';
import { at } from './subscriptions';
import { checkMergeText, ownTemplate } from './templates';
import { giveBackQuota, pgArray } from './usage';

export const MAX_CAMPAIGN_RECIPIENTS = 100_000;

export interface CampaignInput extends AudienceInput {
  name: string;
  message?: string;
  template_id?: number;
  scheduled_at?: Date;
  device_id?: string;
}

/** Inserts a campaign and its recipients (set-based), and starts it when it is for now (startNow, or startCampaign). */
async function insertCampaign(
  db: Db,
  actor: Actor,
  c: { name: string; text: string; templateId: number | null; deviceId: string | null; scheduledAt: Date | null; source: 'api' | 'portal' },
  recipients: Recipient[],
  skipped: CampaignSkipped,
  now: Date,
): Promise<{ view: CampaignView; skipped: CampaignSkipped }> {
  if (!recipients.length) {
    throw new DomainError('validation_failed', 'The campaign has no one to send to.', {
      fields: { recipients: ['The campaign has no one to send to.'] },
      skipped,
    });
  }
  if (recipients.length > MAX_CAMPAIGN_RECIPIENTS)
    throw fieldError('recipients', `A campaign has at most ${MAX_CAMPAIGN_RECIPIENTS} recipients.`);
  const later = c.scheduledAt !== null && c.scheduledAt > now;
  let dispatched: Dispatched | null = null;
  const row = await db.transaction(async (tx) => {
    if (!later) {
      const direct = await startNow(tx, { clientId: actor.userId, ...c }, recipients, skipped, now);
      if (direct) {
        dispatched = direct.dispatched;
        return direct.campaign;
      }
    }
    const [created] = await tx
      .insert(campaigns)
      .values({
        clientId: actor.userId,
        name: c.name,
        text: c.text,
        templateId: c.templateId,
        deviceId: c.deviceId,
        state: 'scheduled',
        source: c.source,
        recipientCount: recipients.length,
        skipped,
        scheduledAt: c.scheduledAt,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx.execute(sql`
      insert into campaign_recipients (campaign_id, position, phone, contact_id, name, text, segments, encoding)
      select ${created.id}::int, u.ord::int - 1, u.phone, u.contact_id, u.name, u.text, u.segments, u.encoding
      from unnest(${pgArray(recipients.map((r) => r.phone))}::text[], ${pgArray(recipients.map((r) => r.contactId))}::int[],
        ${pgArray(recipients.map((r) => r.name))}::text[], ${pgArray(recipients.map((r) => r.text))}::text[],
        ${pgArray(recipients.map((r) => r.segments))}::int[], ${pgArray(recipients.map((r) => r.encoding))}::text[])
        with ordinality as u(phone, contact_id, name, text, segments, encoding, ord)`);
    if (later) return created;
    const started = await startCampaign(tx, created, now);
    dispatched = started.dispatched;
    return started.campaign;
  });
  wakeDevices(actor.userId, dispatched);
  // Just created: every recipient not skipped is queued (waiting or pending), nothing to count yet.
  const [view] = await views(db, [row], { fresh: true });
  return { view, skipped: row.skipped };
}

export async function createCampaign(db: Db, actor: Actor, input: CampaignInput, source: 'api' | 'portal', now = new Date()) {
  assertCan(actor, 'sms.send');
  if ((input.message === undefined) === (input.template_id === undefined)) throw fieldError('message', 'Give message or template_id.');
  const raw = input.template_id !== undefined ? (await ownTemplate(db, actor.userId, input.template_id)).text : (input.message as string);
  const text = checkMergeText(toUnicode(raw).text, input.template_id !== undefined ? 'template_id' : 'message');
  if (input.scheduled_at && input.scheduled_at.getTime() - now.getTime() > 366 * 86_400_000)
    throw fieldError('scheduled_at', 'At most a year ahead.');
  if (input.device_id) {
    const [d] = rowsOf<{ enabled: boolean }>(
      await db.execute(
        sql`select enabled from devices where id = ${input.device_id} and client_id = ${actor.userId} and removed_at is null`,
      ),
    );
    if (!d) throw fieldError('device_id', 'No such device on this account.');
    if (!d.enabled) throw fieldError('device_id', 'This device is disabled.');
  }
  if (!input.group_ids?.length && !input.contact_ids?.length && !input.phones?.length) {
    throw fieldError('group_ids', 'Choose an audience: group_ids, contact_ids or phones.');
  }
  const { recipients, skipped } = await resolveAudience(db, actor.userId, input, text);
  const out = await insertCampaign(
    db,
    actor,
    {
      name: input.name,
      text,
      templateId: input.template_id ?? null,
      deviceId: input.device_id ?? null,
      scheduledAt: input.scheduled_at ?? null,
      source,
    },
    recipients,
    skipped,
    now,
  );
  return { id: out.view.id, state: out.view.state, recipients: out.view.recipients, skipped: out.skipped, campaign: out.view };
}

async function ownCampaign(db: Db, clientId: number, id: number): Promise<CampaignRow> {
  const [c] = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, id), eq(campaigns.clientId, clientId)));
  if (!c) throw notFound('Campaign');
  return c;
}

export async function getCampaign(db: Db, actor: Actor, id: number): Promise<CampaignView> {
  assertCan(actor, 'sms.send');
  return (await views(db, [await ownCampaign(db, actor.userId, id)]))[0];
}

export async function listCampaigns(db: Db, actor: Actor, q: { page: number; limit: number }): Promise<Page<CampaignView>> {
  assertCan(actor, 'sms.send');
  const rows = await db
    .select()
    .from(campaigns)
    .where(eq(campaigns.clientId, actor.userId))
    .orderBy(desc(campaigns.id))
    .limit(q.limit)
    .offset((q.page - 1) * q.limit);
  const [{ n }] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from campaigns where client_id = ${actor.userId}`));
  return paginated(await views(db, rows), q, n);
}

/**
 * Cancel: a scheduled campaign never starts; a sending one stops — its waiting recipients and every message
 * still pending (not handed to a phone) are cancelled and their quota given back. Messages a phone holds go on.
 */
export async function cancelCampaign(db: Db, actor: Actor, id: number, now = new Date()): Promise<CampaignView> {
  assertCan(actor, 'sms.send');
  await ownCampaign(db, actor.userId, id);
  const row = await db.transaction(async (tx) => {
    const c = (await lockCampaign(tx, id)) as CampaignRow;
    if (c.state !== 'scheduled' && c.state !== 'sending') {
      throw new DomainError('cannot_cancel', `Only a scheduled or sending campaign can be cancelled; this one is ${c.state}.`, {
        state: c.state,
      });
    }
    if (c.state === 'sending') {
      const waiting = rowsOf(
        await tx.execute(
          sql`update campaign_recipients set state = 'cancelled' where campaign_id = ${c.id} and state = 'waiting' returning position`,
        ),
      ).length;
      const msgs = rowsOf<{ created_at: string | Date; counted: boolean }>(
        await tx.execute(sql`
        with x as (
          select m.id, m.counts_toward_quota as counted from messages m join campaign_recipients r on r.message_id = m.id
          where r.campaign_id = ${c.id} and m.state = 'pending' for update of m
        ), u as (
          update messages m set state = 'cancelled', counts_toward_quota = false, updated_at = ${at(now)},
            states = m.states || jsonb_build_object('cancelled', ${now.toISOString()}::text)
          from x where m.id = x.id returning m.id, m.created_at, x.counted
        ), rr as (
          update message_recipients mr set state = 'cancelled', updated_at = ${at(now)} from u where mr.message_id = u.id returning 1
        )
        select created_at, counted from u`),
      );
      const back = [
        ...(waiting ? [{ clientId: c.clientId, createdAt: c.startedAt ?? now, count: waiting }] : []),
        ...msgs.filter((m) => m.counted).map((m) => ({ clientId: c.clientId, createdAt: new Date(m.created_at), count: 1 })),
      ];
      await giveBackQuota(tx, back);
    }
    const [after] = await tx
      .update(campaigns)
      .set({ state: 'cancelled', finishedAt: now, updatedAt: now })
      .where(eq(campaigns.id, c.id))
      .returning();
    return after;
  });
  return (await views(db, [row]))[0];
}

/** A new campaign, sent now, to the recipients whose messages failed, expired or were lost; same texts. */
export async function resendFailed(db: Db, actor: Actor, id: number, source: 'api' | 'portal', now = new Date()) {
  assertCan(actor, 'sms.send');
  const c = await ownCampaign(db, actor.userId, id);
  const failed = rowsOf<{
    phone: string;
    contact_id: number | null;
    name: string | null;
    text: string;
    segments: number;
    encoding: 'gsm7' | 'ucs2';
  }>(
    await db.execute(sql`select r.phone, r.contact_id, r.name, r.text, r.segments, r.encoding
      from campaign_recipients r join messages m on m.id = r.message_id
      where r.campaign_id = ${c.id} and m.state in ('failed', 'expired', 'unknown') order by r.position`),
  );
  if (!failed.length) throw new DomainError('conflict', 'No failed recipients to send again.');
  const blocked = await blockedAmong(
    db,
    actor.userId,
    failed.map((f) => f.phone),
  );
  const recipients: Recipient[] = failed
    .filter((f) => !blocked.has(f.phone))
    .map((f) => ({ phone: f.phone, contactId: f.contact_id, name: f.name, text: f.text, segments: f.segments, encoding: f.encoding }));
  const out = await insertCampaign(
    db,
    actor,
    { name: `${c.name} (resend)`.slice(0, 120), text: c.text, templateId: c.templateId, deviceId: c.deviceId, scheduledAt: null, source },
    recipients,
    { opted_out: blocked.size, duplicate: 0, invalid: 0 },
    now,
  );
  return { id: out.view.id, state: out.view.state, recipients: out.view.recipients, skipped: out.skipped, campaign: out.view };
}
