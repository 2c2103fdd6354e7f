// Campaigns (docs/campaigns.md): each recipient its own text; skipped numbers reported and not counted; the
// quota taken all or nothing (the refusal with its numbers, nothing created); cancel gives the quota back;
// a scheduled campaign starts once however many instances try, or is refused with its reason; quiet hours
// and pace hold messages back; round robin over enabled phones; the recipients report.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { POST as cancelRoute } from '@/app/api/v1/campaigns/[id]/cancel/route';
import { GET as csvRoute } from '@/app/api/v1/campaigns/[id]/recipients.csv/route';
import { POST as createRoute } from '@/app/api/v1/campaigns/route';
import type { DbHandle } from '@/db';
import { blocklist, campaigns, contactGroupMembers, contactGroups, contacts, devices, messages, subscriptions } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { dispatchCampaigns, startDueCampaigns } from '@/lib/services/campaign-jobs';
import { localTime, updateCampaignSettings } from '@/lib/services/campaign-settings';
import { cancelCampaign, createCampaign, getCampaign } from '@/lib/services/campaigns';
import { clientLimits } from '@/lib/services/limits';
import { createTemplate } from '@/lib/services/templates';
import { onPostgres, useTestDbForRoutes } from './helpers/db';
import { makeAdmin } from './helpers/fixtures';
import { gatewayClient, insertDevice } from './helpers/gateway';
import { call, expectError } from './helpers/http';

let h: DbHandle;
let admin: Actor;
beforeAll(async () => {
  h = await useTestDbForRoutes();
  admin = await makeAdmin(h.db);
});
afterAll(async () => {
  await h.close();
});

const MIN = 60_000;
const phone = (i: number) => `+95942${String(i).padStart(7, '0')}`;

/** A client (trial: 20 a day) with a group of `n` contacts, each with a name and a city field. */
async function withGroup(n: number, opts: { pkg?: 'starter_pro' | 'enterprise_max' } = {}) {
  const c = await gatewayClient(h.db, admin, opts);
  const [g] = await h.db.insert(contactGroups).values({ clientId: c.id, name: 'VIP' }).returning();
  const rows = await h.db
    .insert(contacts)
    .values(
      Array.from({ length: n }, (_, i) => ({
        clientId: c.id,
        phone: phone(c.id * 1000 + i),
        name: `Name${i}`,
        fields: { city: `City${i}` },
      })),
    )
    .returning();
  await h.db.insert(contactGroupMembers).values(rows.map((r) => ({ groupId: g.id, contactId: r.id })));
  return { ...c, groupId: g.id, contacts: rows };
}
const used = async (clientId: number, now = new Date()) => (await clientLimits(h.db, clientId, now)).used.today;
const campaignMessages = (campaignId: number) =>
  h.db.execute(`select r.position, r.phone, r.text, r.state as rstate, m.state, m.device_id, m.text as mtext
    from campaign_recipients r left join messages m on m.id = r.message_id where r.campaign_id = ${campaignId} order by r.position`);
const rowsOf = <T>(r: unknown) => (Array.isArray(r) ? r : ((r as { rows: T[] }).rows ?? [])) as T[];

describe('a campaign sent now', () => {
  test('from a group with a template: personal texts, skipped numbers reported, quota for the rest only, round robin over enabled phones', async () => {
    const c = await withGroup(4);
    const [d1, d2, d3] = [await insertDevice(h.db, c.id), await insertDevice(h.db, c.id), await insertDevice(h.db, c.id)];
    await h.db.update(devices).set({ enabled: false }).where(eq(devices.id, d3.id));
    await h.db.insert(blocklist).values({ clientId: c.id, phone: c.contacts[3].phone, source: 'manual' });
    const t = await createTemplate(h.db, c.actor, { name: 'promo', text: 'Hi {{name}} from {{fields.city}}, {{phone}}' });
    const r = await call(createRoute, 'POST', '/api/v1/campaigns', {
      token: c.token,
      // A typed number that is a contact already in the group (duplicate), one that is not a number, a new one.
      body: { name: 'Promo', template_id: t.id, group_ids: [c.groupId], phones: [c.contacts[0].phone, 'abc', '09420999999'] },
    });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ state: 'sending', recipients: 4, skipped: { opted_out: 1, duplicate: 1, invalid: 1 } });
    const rows = rowsOf<{ mtext: string; state: string; device_id: string }>(await campaignMessages(r.json.id as number));
    expect(rows.map((x) => x.mtext)).toEqual([
      `Hi Name0 from City0, ${c.contacts[0].phone}`,
      `Hi Name1 from City1, ${c.contacts[1].phone}`,
      `Hi Name2 from City2, ${c.contacts[2].phone}`,
      'Hi  from , +959420999999',
    ]);
    expect(rows.every((x) => x.state === 'pending')).toBe(true);
    const byDevice = rows.map((x) => x.device_id);
    expect(new Set(byDevice)).toEqual(new Set([d1.id, d2.id]));
    expect(byDevice.filter((d) => d === d1.id)).toHaveLength(2);
    expect(await used(c.id)).toBe(4);
    const view = await getCampaign(h.db, c.actor, r.json.id as number);
    expect(view.counts).toMatchObject({ queued: 4, sent: 0, skipped: 3 });
  });

  test('quota all or nothing: 15 left of 20, a campaign for 16 → 429 with the numbers, nothing created or counted', async () => {
    const c = await withGroup(21);
    const first = await createCampaign(
      h.db,
      c.actor,
      { name: 'a', message: 'x', contact_ids: c.contacts.slice(0, 5).map((x) => x.id) },
      'api',
    );
    expect(first.recipients).toBe(5);
    const r = await call(createRoute, 'POST', '/api/v1/campaigns', {
      token: c.token,
      body: { name: 'b', message: 'Hi {{name}}', contact_ids: c.contacts.slice(5).map((x) => x.id) },
    });
    const err = expectError(r, 429, 'daily_limit_reached');
    expect(err).toMatchObject({ limit: 20, used: 5, requested: 16 });
    expect(await h.db.select().from(campaigns).where(eq(campaigns.clientId, c.id))).toHaveLength(1);
    expect(await used(c.id)).toBe(5);
    // 15 fit exactly.
    const fits = await createCampaign(
      h.db,
      c.actor,
      { name: 'c', message: 'x', contact_ids: c.contacts.slice(5, 20).map((x) => x.id) },
      'api',
    );
    expect(fits.recipients).toBe(15);
    expect(await used(c.id)).toBe(20);
  });

  test.skipIf(!onPostgres())(
    '6 campaigns of 5 created at once for a quota of 20: exactly 4 queued, 2 refused whole, 20 counted',
    async () => {
      const c = await withGroup(30);
      const results = await Promise.allSettled(
        Array.from({ length: 6 }, (_, i) =>
          createCampaign(
            h.db,
            c.actor,
            { name: `race ${i}`, message: 'Hi {{name}}', contact_ids: c.contacts.slice(i * 5, i * 5 + 5).map((x) => x.id) },
            'api',
          ),
        ),
      );
      const ok = results.filter((r) => r.status === 'fulfilled');
      const refused = results.filter((r) => r.status === 'rejected');
      expect(ok).toHaveLength(4);
      expect(refused.map((r) => (r as PromiseRejectedResult).reason?.code)).toEqual(['daily_limit_reached', 'daily_limit_reached']);
      expect(await used(c.id)).toBe(20);
      expect(await h.db.select().from(campaigns).where(eq(campaigns.clientId, c.id))).toHaveLength(4);
      const queued = await h.db.select().from(messages).where(eq(messages.clientId, c.id));
      expect(queued).toHaveLength(20);
    },
  );

  test('an unknown placeholder in the message is a 400 naming it', async () => {
    const c = await withGroup(1);
    const r = await call(createRoute, 'POST', '/api/v1/campaigns', {
      token: c.token,
      body: { name: 'x', message: 'Hi {{nmae}}', group_ids: [c.groupId] },
    });
    expect(JSON.stringify(expectError(r, 400, 'validation_failed'))).toContain('{{nmae}}');
  });
});

describe('cancel', () => {
  test('with a pace of 2 a minute: 2 go out, cancel gives the quota of the other 8 back (and of the 2 still pending)', async () => {
    const c = await withGroup(10);
    await insertDevice(h.db, c.id);
    await updateCampaignSettings(h.db, c.actor, { pace_per_minute: 2 });
    const t0 = new Date();
    const out = await createCampaign(h.db, c.actor, { name: 'slow', message: 'Hi {{name}}', group_ids: [c.groupId] }, 'api', t0);
    expect(out.campaign.counts.queued).toBe(10);
    expect(await used(c.id, t0)).toBe(10);
    expect(await dispatchCampaigns(h.db, new Date(t0.getTime() + 1000))).toMatchObject({ queued: 0 });
    expect(await dispatchCampaigns(h.db, new Date(t0.getTime() + MIN + 1000))).toMatchObject({ queued: 2 });
    // One of the four is handed to the phone: it is not cancelled, its SMS stays counted.
    const rows = rowsOf<{ state: string; position: number }>(await campaignMessages(out.id));
    expect(rows.filter((r) => r.state === 'pending')).toHaveLength(4);
    const [m] = await h.db.select().from(messages).where(eq(messages.clientId, c.id)).limit(1);
    await h.db.update(messages).set({ state: 'processing' }).where(eq(messages.id, m.id));
    const after = await cancelCampaign(h.db, c.actor, out.id, new Date(t0.getTime() + MIN + 2000));
    expect(after.state).toBe('cancelled');
    expect(after.counts).toMatchObject({ cancelled: 9, queued: 1 });
    expect(await used(c.id, t0)).toBe(1);
    expectError(
      await call(cancelRoute, 'POST', `/api/v1/campaigns/${out.id}/cancel`, { token: c.token, id: out.id }),
      409,
      'cannot_cancel',
    );
  });
});

describe('scheduled', () => {
  test('nothing taken until its time; then 8 instances race to start it: started once, one message per recipient', async () => {
    const c = await withGroup(6);
    await insertDevice(h.db, c.id);
    const t0 = new Date();
    const at = new Date(t0.getTime() + 10 * MIN);
    const out = await createCampaign(
      h.db,
      c.actor,
      { name: 'later', message: 'Hi {{name}}', group_ids: [c.groupId], scheduled_at: at },
      'api',
      t0,
    );
    expect(out).toMatchObject({ state: 'scheduled', recipients: 6 });
    expect(await used(c.id, t0)).toBe(0);
    expect(await startDueCampaigns(h.db, new Date(at.getTime() - 1))).toEqual({ started: 0, refused: 0 });
    const runs = await Promise.all(Array.from({ length: 8 }, () => startDueCampaigns(h.db, at)));
    expect(runs.reduce((n, r) => n + r.started, 0)).toBe(1);
    expect(await h.db.select().from(messages).where(eq(messages.clientId, c.id))).toHaveLength(6);
    expect(await used(c.id, at)).toBe(6);
    expect((await getCampaign(h.db, c.actor, out.id)).state).toBe('sending');
  });

  test('no longer fitting at its time: refused, the reason with its numbers, nothing sent or counted', async () => {
    const c = await withGroup(21);
    const t0 = new Date();
    const at = new Date(t0.getTime() + MIN);
    const later = await createCampaign(
      h.db,
      c.actor,
      { name: 'later', message: 'x', contact_ids: c.contacts.slice(0, 10).map((x) => x.id), scheduled_at: at },
      'api',
      t0,
    );
    await createCampaign(h.db, c.actor, { name: 'now', message: 'y', contact_ids: c.contacts.slice(10, 20).map((x) => x.id) }, 'api', t0);
    // 10 used now, and one more: the scheduled 10 no longer fit in the 9 left.
    await createCampaign(h.db, c.actor, { name: 'one', message: 'z', contact_ids: [c.contacts[20].id] }, 'api', t0);
    expect(await startDueCampaigns(h.db, at)).toEqual({ started: 0, refused: 1 });
    const v = await getCampaign(h.db, c.actor, later.id);
    expect(v.state).toBe('refused');
    expect(v.reason).toMatchObject({ code: 'daily_limit_reached', limit: 20, used: 11, requested: 10 });
    expect(await used(c.id, at)).toBe(11);
  });
});

describe('quiet hours', () => {
  test('inside them nothing is handed to the queue; after them the campaign goes out', async () => {
    const c = await withGroup(3);
    await insertDevice(h.db, c.id);
    // Quiet from half an hour ago to half an hour from now, in the platform zone (Asia/Yangon).
    const t0 = new Date();
    const zone = (await clientLimits(h.db, c.id, t0)).timeZone;
    await updateCampaignSettings(h.db, c.actor, {
      quiet_hours: { start: localTime(new Date(t0.getTime() - 30 * MIN), zone), end: localTime(new Date(t0.getTime() + 30 * MIN), zone) },
    });
    const out = await createCampaign(h.db, c.actor, { name: 'night', message: 'x', group_ids: [c.groupId] }, 'api', t0);
    expect(out.campaign.counts.queued).toBe(3);
    expect(await h.db.select().from(messages).where(eq(messages.clientId, c.id))).toHaveLength(0);
    await dispatchCampaigns(h.db, new Date(t0.getTime() + 29 * MIN));
    expect(await h.db.select().from(messages).where(eq(messages.clientId, c.id))).toHaveLength(0);
    await dispatchCampaigns(h.db, new Date(t0.getTime() + 31 * MIN));
    expect(await h.db.select().from(messages).where(eq(messages.clientId, c.id))).toHaveLength(3);
  });
});

test('recipients.csv: one line per recipient with its state and text', async () => {
  const c = await withGroup(2);
  const out = await createCampaign(h.db, c.actor, { name: 'r', message: 'Hi {{name}}', group_ids: [c.groupId] }, 'api');
  const get = (token: string) =>
    csvRoute(new Request(`http://test/api/v1/campaigns/${out.id}/recipients.csv`, { headers: { authorization: `Bearer ${token}` } }), {
      params: Promise.resolve({ id: String(out.id) }),
    });
  const a = await get(c.token);
  expect(a.status).toBe(200);
  const lines = new TextDecoder('utf-8')
    .decode(await a.arrayBuffer())
    .trim()
    .split(/\r?\n/);
  expect(lines[0]).toBe('position,phone,name,state,device_id,error,updated_at,text');
  expect(lines).toHaveLength(3);
  expect(lines[1]).toContain('Hi Name0');
  expect(lines[1]).toContain('pending');
  const other = await gatewayClient(h.db, admin);
  expect((await get(other.token)).status).toBe(404);
});

test('10,000 recipients from a group: accepted and queued with set-based inserts, one message each', async () => {
  const c = await withGroup(10_000, { pkg: 'enterprise_max' });
  await h.db.update(subscriptions).set({ dailyLimit: 20_000, periodLimit: 20_000 }).where(eq(subscriptions.clientId, c.id));
  await insertDevice(h.db, c.id);
  await insertDevice(h.db, c.id);
  const t0 = Date.now();
  const out = await createCampaign(
    h.db,
    c.actor,
    { name: 'big', message: 'Hi {{name}} in {{fields.city}}', group_ids: [c.groupId] },
    'api',
  );
  const ms = Date.now() - t0;
  console.log(`[campaigns] 10,000 recipients accepted and queued in ${ms} ms (${Math.round(10_000 / (ms / 1000))} recipients/s)`);
  expect(out).toMatchObject({ state: 'sending', recipients: 10_000 });
  const [{ n }] = rowsOf<{ n: number }>(await h.db.execute(`select count(*)::int as n from messages where client_id = ${c.id}`));
  expect(Number(n)).toBe(10_000);
  expect(await used(c.id)).toBe(10_000);
}, 120_000);
