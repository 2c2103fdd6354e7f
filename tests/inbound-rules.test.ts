// Stop words and keywords on inbound SMS (docs/engagement.md): a stop word (English, Burmese, the client's
// own) blocks the sender and fires contact.opted_out; a keyword answers through the receiving phone, joins
// the group, fires keyword.received and counts against the quota; a stop word beats a keyword; a retried
// inbound (same event id) acts once. The reseller's keyword limit (0 = off). On PGlite and PostgreSQL.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PUT as keywordLimitRoute } from '@/app/api/reseller/clients/[id]/keywords/route';
import { POST as createKeywordRoute, GET as listKeywordsRoute } from '@/app/api/v1/keywords/route';
import { POST as addStopWordRoute } from '@/app/api/v1/stop-words/route';
import type { DbHandle } from '@/db';
import {
  blocklist,
  contactGroupMembers,
  contacts,
  inboundMessages,
  messageRecipients,
  messages,
  webhookDeliveries,
  webhooks,
} from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { createGroup } from '@/lib/services/contact-groups';
import { recordInbound } from '@/lib/services/inbound';
import { clientLimits } from '@/lib/services/limits';
import { useTestDbForRoutes } from './helpers/db';
import { makeAdmin, uid } from './helpers/fixtures';
import { gatewayClient, gatewayLogin, registerPhone } from './helpers/gateway';
import { call, expectError } from './helpers/http';
import { apiKeyFor } from './helpers/reseller-keys';

let h: DbHandle;
let admin: Actor;
beforeAll(async () => {
  h = await useTestDbForRoutes();
  admin = await makeAdmin(h.db);
});
afterAll(async () => {
  await h.close();
});

/** A client with a package, a phone, a webhook on every event and (optionally) keywords enabled. */
async function setup(keywordLimit = 0) {
  const c = await gatewayClient(h.db, admin, { pkg: 'starter_pro' });
  const phone = await registerPhone(h.db, await gatewayLogin(h.db, c.actor));
  const [hook] = await h.db
    .insert(webhooks)
    .values({
      clientId: c.id,
      url: 'https://example.com/h',
      secret: 's',
      events: ['contact.opted_out', 'keyword.received', 'sms.received'],
    })
    .returning();
  if (keywordLimit) {
    const rkey = await apiKeyFor(h.db, c.reseller.actor, 'r');
    const r = await call(keywordLimitRoute, 'PUT', `/api/reseller/clients/${c.id}/keywords`, {
      token: rkey.key,
      id: c.id,
      body: { keyword_limit: keywordLimit },
    });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ keyword_limit: keywordLimit, keywords: 0 });
  }
  return { ...c, deviceId: phone.id, hookId: hook.id };
}
const events = async (hookId: number) =>
  (await h.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, hookId))).map((d) => ({
    event: d.event,
    data: (d.payload as { data: Record<string, unknown> }).data,
  }));
const blocked = async (clientId: number) =>
  (await h.db.select().from(blocklist).where(eq(blocklist.clientId, clientId))).map((b) => [b.phone, b.source]);
const sentTo = async (clientId: number, phone: string) =>
  h.db
    .select({ text: messages.text, deviceId: messages.deviceId, source: messages.source })
    .from(messages)
    .innerJoin(messageRecipients, eq(messageRecipients.messageId, messages.id))
    .where(and(eq(messages.clientId, clientId), eq(messageRecipients.phone, phone)));
const inbound = (deviceId: string, phone: string, text: string, eventId = uid()) => recordInbound(h.db, deviceId, { phone, text, eventId });

describe('stop words', () => {
  test('STOP (any case, punctuation), UNSUBSCRIBE and Burmese ရပ်ပါ block the sender and fire contact.opted_out', async () => {
    const c = await setup();
    await inbound(c.deviceId, '+959420000301', '  stop! ');
    await inbound(c.deviceId, '09420000302', 'Unsubscribe');
    await inbound(c.deviceId, '+959420000303', 'ရပ်ပါ။');
    await inbound(c.deviceId, '+959420000304', 'please do not stop the offers');
    expect((await blocked(c.id)).sort()).toEqual([
      ['+959420000301', 'stop_word'],
      ['+959420000302', 'stop_word'],
      ['+959420000303', 'stop_word'],
    ]);
    const opted = (await events(c.hookId)).filter((e) => e.event === 'contact.opted_out');
    expect(opted.map((e) => [e.data.phone, e.data.word]).sort()).toEqual([
      ['+959420000301', 'STOP'],
      ['+959420000302', 'UNSUBSCRIBE'],
      ['+959420000303', 'ရပ်ပါ'],
    ]);
    // The next send to an opted-out number is skipped and not counted.
    const before = (await clientLimits(h.db, c.id, new Date())).used;
    const { queueMessagesReport } = await import('@/lib/services/messages');
    const r = await queueMessagesReport(h.db, c.actor, { messages: [{ phones: ['+959420000301'] }], text: 'promo', source: 'api' });
    expect(r).toMatchObject({ messages: [], skipped: ['+959420000301'] });
    expect((await clientLimits(h.db, c.id, new Date())).used).toEqual(before);
  });

  test("the client's own stop word works; the same inbound posted twice is stored and acted on once", async () => {
    const c = await setup();
    const r = await call(addStopWordRoute, 'POST', '/api/v1/stop-words', { token: c.token, body: { word: 'basta' } });
    expect(r.status).toBe(201);
    expect(r.json.own).toEqual(['BASTA']);
    expectError(await call(addStopWordRoute, 'POST', '/api/v1/stop-words', { token: c.token, body: { word: 'STOP' } }), 409, 'conflict');
    await inbound(c.deviceId, '+959420000311', 'Basta', 'ev-1');
    await inbound(c.deviceId, '+959420000311', 'Basta', 'ev-1');
    expect(await h.db.select().from(inboundMessages).where(eq(inboundMessages.clientId, c.id))).toHaveLength(1);
    expect(await blocked(c.id)).toEqual([['+959420000311', 'stop_word']]);
    expect((await events(c.hookId)).filter((e) => e.event === 'contact.opted_out')).toHaveLength(1);
  });

  test('an alphanumeric sender saying STOP blocks nothing', async () => {
    const c = await setup();
    await inbound(c.deviceId, 'MPT', 'STOP');
    expect(await blocked(c.id)).toEqual([]);
  });
});

describe('keywords', () => {
  test('off by default (limit 0): creating one is refused; the limit is enforced', async () => {
    const c = await setup();
    const off = await call(createKeywordRoute, 'POST', '/api/v1/keywords', { token: c.token, body: { keyword: 'JOIN', reply: 'hi' } });
    expectError(off, 409, 'keyword_limit_reached');
    const on = await setup(1);
    const ok = await call(createKeywordRoute, 'POST', '/api/v1/keywords', { token: on.token, body: { keyword: 'join', reply: 'hi' } });
    expect(ok.status).toBe(201);
    expect(ok.json.keyword).toBe('JOIN');
    const over = await call(createKeywordRoute, 'POST', '/api/v1/keywords', { token: on.token, body: { keyword: 'PROMO' } });
    expectError(over, 409, 'keyword_limit_reached');
    const list = await call(listKeywordsRoute, 'GET', '/api/v1/keywords', { token: on.token });
    expect(list.json).toMatchObject({ limit: 1, data: [{ keyword: 'JOIN', reply: 'hi' }] });
  });

  test('JOIN answers through the receiving phone, joins the group, fires keyword.received, counts one SMS', async () => {
    const c = await setup(5);
    const g = await createGroup(h.db, c.actor, { name: 'VIP' });
    await call(createKeywordRoute, 'POST', '/api/v1/keywords', {
      token: c.token,
      body: { keyword: 'JOIN', reply: 'Welcome to VIP!', group_id: g.id },
    });
    await call(createKeywordRoute, 'POST', '/api/v1/keywords', { token: c.token, body: { keyword: 'ဝင်မယ်', reply: 'ကြိုဆိုပါတယ်' } });
    const before = (await clientLimits(h.db, c.id, new Date())).used;
    await inbound(c.deviceId, '+959420000321', 'join me please');
    await inbound(c.deviceId, '+959420000322', 'ဝင်မယ်နော်');
    await inbound(c.deviceId, '+959420000323', 'JOINED yesterday');
    expect(await sentTo(c.id, '+959420000321')).toEqual([{ text: 'Welcome to VIP!', deviceId: c.deviceId, source: 'keyword' }]);
    expect(await sentTo(c.id, '+959420000322')).toEqual([{ text: 'ကြိုဆိုပါတယ်', deviceId: c.deviceId, source: 'keyword' }]);
    expect(await sentTo(c.id, '+959420000323')).toEqual([]);
    expect((await clientLimits(h.db, c.id, new Date())).used).toEqual({ today: before.today + 2, period: before.period + 2 });
    const members = await h.db
      .select({ phone: contacts.phone })
      .from(contactGroupMembers)
      .innerJoin(contacts, eq(contacts.id, contactGroupMembers.contactId))
      .where(eq(contactGroupMembers.groupId, g.id));
    expect(members).toEqual([{ phone: '+959420000321' }]);
    const kw = (await events(c.hookId)).filter((e) => e.event === 'keyword.received');
    expect(kw.map((e) => [e.data.phone, e.data.keyword, e.data.group_id]).sort()).toEqual([
      ['+959420000321', 'JOIN', g.id],
      ['+959420000322', 'ဝင်မယ်', null],
    ]);
  });

  test('a stop word beats a keyword: STOP as a keyword never answers, the sender is blocked', async () => {
    const c = await setup(5);
    await h.db.insert((await import('@/db/schema')).keywords).values({ clientId: c.id, keyword: 'STOP', reply: 'Sure?' });
    await inbound(c.deviceId, '+959420000331', 'STOP');
    expect(await sentTo(c.id, '+959420000331')).toEqual([]);
    expect(await blocked(c.id)).toEqual([['+959420000331', 'stop_word']]);
    expect((await events(c.hookId)).map((e) => e.event).sort()).toEqual(['contact.opted_out', 'sms.received']);
  });

  test('a reseller turning keywords off (0) stops the auto-reply', async () => {
    const c = await setup(2);
    await call(createKeywordRoute, 'POST', '/api/v1/keywords', { token: c.token, body: { keyword: 'PROMO', reply: '10% off' } });
    const rkey = await apiKeyFor(h.db, c.reseller.actor, 'r');
    await call(keywordLimitRoute, 'PUT', `/api/reseller/clients/${c.id}/keywords`, {
      token: rkey.key,
      id: c.id,
      body: { keyword_limit: 0 },
    });
    await inbound(c.deviceId, '+959420000341', 'PROMO');
    expect(await sentTo(c.id, '+959420000341')).toEqual([]);
    // Another reseller's client is not this reseller's to change.
    const other = await setup();
    const r = await call(keywordLimitRoute, 'PUT', `/api/reseller/clients/${other.id}/keywords`, {
      token: rkey.key,
      id: other.id,
      body: { keyword_limit: 3 },
    });
    expectError(r, 404, 'not_found');
  });
});
