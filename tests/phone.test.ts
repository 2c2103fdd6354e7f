// Phone numbers, Myanmar first (SPEC §10, issue 10 item 5): one parser (libphonenumber-js) wherever a number
// enters — send API and form, OTP, 3rd-party API, client and reseller profiles, searches — national formats
// read in the client's country (default the admin setting, MM), stored in E.164; an invalid number is a 400
// naming its position; inbound senders and skipPhoneValidation numbers are kept as given.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { POST as thirdPartySend } from '@/app/api/3rdparty/v1/message/route';
import { GET as listRoute } from '@/app/api/v1/messages/route';
import { POST as otpRequest } from '@/app/api/v1/otp/request/route';
import { POST as otpVerify } from '@/app/api/v1/otp/verify/route';
import { POST as sendRoute } from '@/app/api/v1/sms/send/route';
import type { DbHandle } from '@/db';
import { clients, inboundMessages, resellers } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { displayPhone, parsePhone, phoneCountry } from '@/lib/phone';
import { createClient, listClients, updateClient } from '@/lib/services/clients';
import { recordInbound } from '@/lib/services/inbound';
import { updateReseller } from '@/lib/services/resellers';
import { updateSettings } from '@/lib/services/settings';
import { useTestDbForRoutes } from './helpers/db';
import { makeAdmin, makeReseller, uid } from './helpers/fixtures';
import { gatewayClient, gatewayLogin, messageRows, recipientsOf, registerPhone } from './helpers/gateway';
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

describe('parsePhone (lib/phone.ts)', () => {
  test('national Myanmar formats become E.164', () => {
    for (const typed of [
      '09 420 000 202',
      '09420000202',
      '09-420-000-202',
      '(09) 420 000 202',
      '+95 9 420 000 202',
      '+959420000202',
      '00959420000202',
    ]) {
      expect(parsePhone(typed, 'MM'), typed).toEqual({ ok: true, e164: '+959420000202', country: 'MM' });
    }
  });

  test('the default country decides how a national number is read', () => {
    expect(parsePhone('081 234 5678', 'TH')).toMatchObject({ ok: true, e164: '+66812345678' });
    expect(parsePhone('(518) 481-1002', 'US')).toMatchObject({ ok: true, e164: '+15184811002' });
    // An international number is the same in any default country.
    expect(parsePhone('+66 81 234 5678', 'MM')).toMatchObject({ ok: true, e164: '+66812345678' });
  });

  test('invalid input says why and is never turned into a number', () => {
    expect(parsePhone('', 'MM')).toMatchObject({ ok: false, reason: 'empty' });
    expect(parsePhone('Google', 'MM')).toMatchObject({ ok: false, reason: 'not_a_number' });
    expect(parsePhone('12ab', 'MM')).toMatchObject({ ok: false, reason: 'not_a_number' });
    expect(parsePhone('0942', 'MM')).toMatchObject({ ok: false });
    expect(parsePhone('12345', 'MM')).toMatchObject({ ok: false });
    expect(parsePhone('+999 1234 5678', 'MM')).toMatchObject({ ok: false });
    expect(parsePhone('09 4200 0020 2999 9', 'MM')).toMatchObject({ ok: false });
  });

  test('display: national format for the viewer’s own country, international otherwise, raw senders as they are', () => {
    expect(displayPhone('+959420000202', 'MM')).toBe('09 42000 0202');
    expect(displayPhone('+66812345678', 'MM')).toBe('+66 81 234 5678');
    expect(displayPhone('+959420000202', 'TH')).toBe('+95 9 42000 0202');
    expect(displayPhone('Google', 'MM')).toBe('Google');
    expect(displayPhone('1234', 'MM')).toBe('1234');
    expect(displayPhone(null, 'MM')).toBe('');
  });

  test('phoneCountry takes the first known country code, else MM', () => {
    expect(phoneCountry('th', 'MM')).toBe('TH');
    expect(phoneCountry(null, 'US')).toBe('US');
    expect(phoneCountry('XX', undefined)).toBe('MM');
  });
});

const send = (token: string, body: unknown) => call(sendRoute, 'POST', '/api/v1/sms/send', { token, body });

describe('send API and OTP', () => {
  test('09 420 000 202 is sent to +959420000202 (not +09420000202)', async () => {
    const c = await gatewayClient(h.db, admin);
    const res = await send(c.token, { phones: ['09 420 000 202', '09-420-000-203'], message: 'Mingalaba' });
    expect(res.status).toBe(202);
    const data = res.json.data as { id: string; phone: string }[];
    expect(data.map((m) => m.phone)).toEqual(['+959420000202', '+959420000203']);
    expect((await recipientsOf(h.db, data[0].id)).map((r) => r.phone)).toEqual(['+959420000202']);
  });

  test('an invalid number is a 400 validation_failed naming its position, and nothing is queued or counted', async () => {
    const c = await gatewayClient(h.db, admin);
    const res = await send(c.token, { phones: ['09420000202', '0942', '+959420000204'], message: 'x' });
    const details = expectError(res, 400, 'validation_failed');
    expect(res.json.error?.message).toMatch(/Recipient 2 \(“0942”\)/);
    expect(Object.keys(details.fields as object)).toEqual(['phones.1']);
    expect((await call(listRoute, 'GET', '/api/v1/messages', { token: c.token })).json.pagination).toMatchObject({ total: 0 });
  });

  test('the same number typed twice in two formats is refused', async () => {
    const c = await gatewayClient(h.db, admin);
    const res = await send(c.token, { phones: ['09420000202', '+959420000202'], message: 'x' });
    const details = expectError(res, 400, 'validation_failed');
    expect((details.fields as Record<string, string[]>)['phones.1'][0]).toMatch(/same number as recipient 1/);
  });

  test('{phone} with a bad number names the phone field', async () => {
    const c = await gatewayClient(h.db, admin);
    const details = expectError(await send(c.token, { phone: '123', message: 'x' }), 400, 'validation_failed');
    expect(Object.keys(details.fields as object)).toEqual(['phone']);
  });

  test('the client’s own country overrides the platform default', async () => {
    const c = await gatewayClient(h.db, admin);
    await h.db.update(clients).set({ country: 'TH' }).where(eq(clients.id, c.id));
    const res = await send(c.token, { phone: '081 234 5678', message: 'Sawasdee' });
    expect((res.json.data as { phone: string }[])[0].phone).toBe('+66812345678');
  });

  test('the platform default country is an admin setting', async () => {
    const c = await gatewayClient(h.db, admin);
    await updateSettings(h.db, admin, { default_country: 'TH' });
    try {
      const res = await send(c.token, { phone: '081 234 5678', message: 'x' });
      expect((res.json.data as { phone: string }[])[0].phone).toBe('+66812345678');
    } finally {
      await updateSettings(h.db, admin, { default_country: 'MM' });
    }
  });

  test('the message log’s phone filter and search accept national formats', async () => {
    const c = await gatewayClient(h.db, admin);
    await send(c.token, { phones: ['+959420000211', '+959420000212'], message: 'x' });
    const byPhone = await call(listRoute, 'GET', '/api/v1/messages', { token: c.token, query: { phone: '09 420 000 211' } });
    expect((byPhone.json.data as { phone: string }[]).map((m) => m.phone)).toEqual(['+959420000211']);
    const bySearch = await call(listRoute, 'GET', '/api/v1/messages', { token: c.token, query: { search: '09420000212' } });
    expect((bySearch.json.data as { phone: string }[]).map((m) => m.phone)).toEqual(['+959420000212']);
  });

  test('OTP request and verify read the number the same way', async () => {
    const c = await gatewayClient(h.db, admin);
    const req = await call(otpRequest, 'POST', '/api/v1/otp/request', { token: c.token, body: { phone: '09 420 000 202' } });
    expect(req.status).toBe(202);
    expect(req.json.phone).toBe('+959420000202');
    const v = await call(otpVerify, 'POST', '/api/v1/otp/verify', { token: c.token, body: { phone: '+95 9 420 000 202', code: '000000' } });
    // A wrong code for the same (normalised) number costs an attempt instead of "no code for this phone".
    expect(v.status).toBe(200);
    expect(v.json).toMatchObject({ verified: false, attempts_left: 2 });
    expectError(
      await call(otpRequest, 'POST', '/api/v1/otp/request', { token: c.token, body: { phone: '0942' } }),
      400,
      'validation_failed',
    );
  });
});

describe('3rd-party API and inbound SMS', () => {
  test('phoneNumbers are parsed in the client’s country; skipPhoneValidation sends them as given', async () => {
    const c = await gatewayClient(h.db, admin);
    const creds = await gatewayLogin(h.db, c.actor);
    const post = (body: unknown, query: Record<string, string> = {}) =>
      call(thirdPartySend, 'POST', '/api/3rdparty/v1/message', { body, query, headers: { authorization: creds.auth } });
    const ok = await post({ textMessage: { text: 'hi' }, phoneNumbers: ['09 420 000 202'] });
    expect(ok.status).toBe(202);
    expect((ok.json.recipients as { phoneNumber: string }[])[0].phoneNumber).toBe('+959420000202');
    const bad = await post({ textMessage: { text: 'hi' }, phoneNumbers: ['+959420000202', '1234'] });
    expect(bad.status).toBe(400);
    const raw = await post({ textMessage: { text: 'balance' }, phoneNumbers: ['1234'] }, { skipPhoneValidation: 'true' });
    expect(raw.status).toBe(202);
    const [m] = await messageRows(h.db, [String(raw.json.id)]);
    expect((await recipientsOf(h.db, m.id)).map((r) => r.phone)).toEqual(['1234']);
  });

  test('inbound senders are kept as the phone reported them', async () => {
    const c = await gatewayClient(h.db, admin);
    const phone = await registerPhone(h.db, await gatewayLogin(h.db, c.actor));
    for (const sender of ['Google', '1234', '+959420000202']) await recordInbound(h.db, phone.id, { phone: sender, text: 'hello' });
    const rows = await h.db.select({ phone: inboundMessages.phone }).from(inboundMessages).where(eq(inboundMessages.clientId, c.id));
    expect(rows.map((r) => r.phone).sort()).toEqual(['+959420000202', '1234', 'Google']);
  });
});

describe('profiles and searches', () => {
  test('client profiles store E.164 and refuse an invalid number, searches accept national formats', async () => {
    const { actor } = await makeReseller(h.db, admin);
    const c = await createClient(h.db, actor, {
      name: 'Ma Ma',
      email: `mama-${uid()}@test.local`,
      password: 'secret1',
      phone: '09 420 000 115',
    });
    expect(c.phone).toBe('+959420000115');
    const ids = async (search: string) => (await listClients(h.db, actor, { page: 1, limit: 20, search })).data.map((x) => x.id);
    expect(await ids('09420000115')).toEqual([c.id]);
    expect(await ids('+95 9 420 000 115')).toEqual([c.id]);
    expect(await ids('0115')).toEqual([c.id]);
    await expect(updateClient(h.db, actor, c.id, { phone: '0942' })).rejects.toMatchObject({
      code: 'validation_failed',
      details: { fields: { phone: [expect.stringMatching(/0942/)] } },
    });
    // A client in Thailand: its national number is read there.
    const th = await updateClient(h.db, actor, c.id, { country: 'TH', phone: '081 234 5678' });
    expect(th.phone).toBe('+66812345678');
  });

  test('reseller profiles store E.164', async () => {
    const { reseller } = await makeReseller(h.db, admin);
    expect(reseller.phone).toBe('+959123456789');
    await updateReseller(h.db, admin, reseller.id, { phone: '09 420 000 999', contact_phone: '09 420 000 998' });
    const [r] = await h.db.select().from(resellers).where(eq(resellers.id, reseller.id));
    expect([r.phone, r.contactPhone]).toEqual(['+959420000999', '+959420000998']);
    await expect(updateReseller(h.db, admin, reseller.id, { contact_phone: '12' })).rejects.toMatchObject({ code: 'validation_failed' });
  });
});

describe('needsCountry (the send reads the client country only for national numbers)', () => {
  test('international numbers name their own country; one national number needs it', async () => {
    const { needsCountry } = await import('@/lib/services/recipients');
    expect(needsCountry(['+959420000202', ' 00 95 9 420 000 203'])).toBe(false);
    expect(needsCountry(['+959420000202', '09 420 000 204'])).toBe(true);
    expect(needsCountry([''])).toBe(true);
  });
});
