// OTP (docs/ARCHITECTURE.md#rules-quotas): a 6-digit code sent as an SMS (counts against the quota), valid 5 minutes,
// 3 attempts, usable once, stored hashed. Plus inbound SMS from the app (sms:received).
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { POST as inboundRoute } from '@/app/api/mobile/v1/inbound/[id]/route';
import { GET as mobileWebhooks } from '@/app/api/mobile/v1/webhooks/route';
import { POST as requestRoute } from '@/app/api/v1/otp/request/route';
import { POST as verifyRoute } from '@/app/api/v1/otp/verify/route';
import type { DbHandle } from '@/db';
import { inboundMessages, otpCodes } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { inboundSignature } from '@/lib/http/pipeline/gateway-auth';
import { clientLimits } from '@/lib/services/limits';
import { requestOtp, verifyOtp } from '@/lib/services/otp';
import { createWebhook } from '@/lib/services/webhooks';
import { useTestDbForRoutes } from './helpers/db';
import { domainError } from './helpers/errors';
import { makeAdmin } from './helpers/fixtures';
import { deliveriesOf, gatewayClient, gatewayLogin, messageRow, registerPhone } from './helpers/gateway';
import { call, expectError, type RouteHandler } from './helpers/http';

let h: DbHandle;
let admin: Actor;
beforeAll(async () => {
  h = await useTestDbForRoutes();
  admin = await makeAdmin(h.db);
});
afterAll(async () => {
  await h.close();
});

const PHONE = '+959777888999';
const codeIn = (text: string) => /\b(\d{6})\b/.exec(text)![1];
const otherCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
const verify = (token: string, code: string, phone = PHONE) =>
  call(verifyRoute, 'POST', '/api/v1/otp/verify', { token, body: { phone, code } });

async function requested(token: string) {
  const res = await call(requestRoute, 'POST', '/api/v1/otp/request', { token, body: { phone: PHONE } });
  expect(res.status).toBe(202);
  const m = await messageRow(h.db, String(res.json.message_id));
  return { res, m, code: codeIn(m.text) };
}

describe('OTP', () => {
  test('request → 202, an SMS queued (counts against the quota) with the code; the code is stored hashed', async () => {
    const c = await gatewayClient(h.db, admin);
    const { res, m, code } = await requested(c.token);
    expect(res.json).toEqual({ phone: PHONE, message_id: m.id, expires_at: expect.any(String) });
    expect(m).toMatchObject({ state: 'pending', source: 'otp', recipientCount: 1, countsTowardQuota: true });
    expect(Date.parse(String(res.json.expires_at)) - m.createdAt.getTime()).toBe(5 * 60_000);
    expect((await clientLimits(h.db, c.id, new Date())).used.today).toBe(1);
    const [row] = await h.db.select().from(otpCodes).where(eq(otpCodes.messageId, m.id));
    expect(row.codeHash).not.toBe(code);
    expect(row.codeHash).not.toContain(code);
    expect(row.codeHash).toMatch(/^[0-9a-f]{64}$/);
  });

  test('the right code verifies, once; a second use → 400 otp_invalid', async () => {
    const c = await gatewayClient(h.db, admin);
    const { code } = await requested(c.token);
    const ok = await verify(c.token, code);
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ verified: true });
    expectError(await verify(c.token, code), 400, 'otp_invalid');
  });

  test('wrong codes: attempts_left 2, 1, 0; then 400 otp_invalid, even for the right code', async () => {
    const c = await gatewayClient(h.db, admin);
    const { code } = await requested(c.token);
    const wrong = otherCode(code);
    expect((await verify(c.token, wrong)).json).toEqual({ verified: false, attempts_left: 2 });
    expect((await verify(c.token, wrong)).json).toEqual({ verified: false, attempts_left: 1 });
    expect((await verify(c.token, wrong)).json).toEqual({ verified: false, attempts_left: 0 });
    expectError(await verify(c.token, wrong), 400, 'otp_invalid');
    expectError(await verify(c.token, code), 400, 'otp_invalid');
  });

  test('a right code after one wrong one still verifies', async () => {
    const c = await gatewayClient(h.db, admin);
    const { code } = await requested(c.token);
    expect((await verify(c.token, otherCode(code))).json).toEqual({ verified: false, attempts_left: 2 });
    expect((await verify(c.token, code)).json).toEqual({ verified: true, attempts_left: 1 });
  });

  test('after 5 minutes → 400 otp_invalid; a new code replaces the old one', async () => {
    const c = await gatewayClient(h.db, admin);
    const t0 = new Date();
    const first = await requestOtp(h.db, c.actor, PHONE, {}, t0);
    const code1 = codeIn((await messageRow(h.db, first.message_id)).text);
    expect((await domainError(verifyOtp(h.db, c.actor, PHONE, code1, new Date(t0.getTime() + 5 * 60_000)))).code).toBe('otp_invalid');
    expect((await verifyOtp(h.db, c.actor, PHONE, code1, new Date(t0.getTime() + 5 * 60_000 - 1000))).verified).toBe(true);

    const t1 = new Date(t0.getTime() + 60_000);
    const a = await requestOtp(h.db, c.actor, PHONE, {}, t1);
    const b = await requestOtp(h.db, c.actor, PHONE, {}, new Date(t1.getTime() + 1000));
    const codeA = codeIn((await messageRow(h.db, a.message_id)).text);
    const codeB = codeIn((await messageRow(h.db, b.message_id)).text);
    if (codeA !== codeB) expect((await verifyOtp(h.db, c.actor, PHONE, codeA, new Date(t1.getTime() + 2000))).verified).toBe(false);
    expect((await verifyOtp(h.db, c.actor, PHONE, codeB, new Date(t1.getTime() + 3000))).verified).toBe(true);
  });

  test('codes are per client; bad input → 400; an expired client cannot request', async () => {
    const a = await gatewayClient(h.db, admin);
    const b = await gatewayClient(h.db, admin);
    const { code } = await requested(a.token);
    expectError(await verify(b.token, code), 400, 'otp_invalid');
    expectError(await verify(a.token, '12345'), 400, 'validation_failed');
    expectError(await call(requestRoute, 'POST', '/x', { token: a.token, body: { phone: 'abc' } }), 400, 'validation_failed');
    const expired = await gatewayClient(h.db, admin, { trial_days: 0 });
    expectError(await call(requestRoute, 'POST', '/x', { token: expired.token, body: { phone: PHONE } }), 403, 'subscription_expired');
    expect(
      await h.db
        .select()
        .from(otpCodes)
        .where(and(eq(otpCodes.clientId, expired.id))),
    ).toEqual([]);
  });
});

describe("inbound SMS (the app's sms:received webhook)", () => {
  test('signed URL from GET /webhooks; POST → 204, stored, sms.received delivery queued; wrong sig → 401', async () => {
    const c = await gatewayClient(h.db, admin);
    const phone = await registerPhone(h.db, await gatewayLogin(h.db, c.actor));
    const hook = await createWebhook(h.db, c.actor, { url: 'https://example.test/in', events: ['sms.received'] });
    const wh = await call(mobileWebhooks, 'GET', '/api/mobile/v1/webhooks', { token: phone.token });
    const [entry] = JSON.parse(wh.text) as { url: string; event: string; deviceId: string }[];
    expect(entry).toMatchObject({ event: 'sms:received', deviceId: phone.id });
    expect(new URL(entry.url).searchParams.get('sig')).toBe(inboundSignature(phone.id));

    const body = {
      event: 'sms:received',
      payload: { phoneNumber: '+959123123123', message: 'STOP', receivedAt: '2026-01-01T10:00:00.000+06:30' },
    };
    const post = (sig: string, id = phone.id) =>
      call(inboundRoute as RouteHandler, 'POST', `/api/mobile/v1/inbound/${id}`, { id, query: { sig }, body });
    const bad = await post('x'.repeat(32));
    expect(bad.status).toBe(401);
    expect(typeof bad.json.message).toBe('string');
    expect((await post(inboundSignature('other-device'))).status).toBe(401);
    expect((await post('')).status).toBe(401);
    expect(await deliveriesOf(h.db, hook.id)).toEqual([]);

    const ok = await post(inboundSignature(phone.id));
    expect(ok.status).toBe(204);
    const [row] = await h.db.select().from(inboundMessages).where(eq(inboundMessages.deviceId, phone.id));
    expect(row).toMatchObject({ clientId: c.id, phone: '+959123123123', text: 'STOP' });
    expect(row.receivedAt.toISOString()).toBe('2026-01-01T03:30:00.000Z');
    const [d] = await deliveriesOf(h.db, hook.id);
    expect(d).toMatchObject({ event: 'sms.received', status: 'pending' });
    expect(d.payload).toMatchObject({
      event: 'sms.received',
      data: { id: row.id, device_id: phone.id, phone: '+959123123123', message: 'STOP', received_at: '2026-01-01T03:30:00.000Z' },
    });
  });
});
