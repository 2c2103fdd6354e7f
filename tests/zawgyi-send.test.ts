// Zawgyi at the input boundaries (docs/zawgyi.md): the send API converts Zawgyi to Unicode before queuing
// (and says so), keep_encoding sends it as typed, segments count what is stored; client names are Unicode.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PATCH as patchClientRoute } from '@/app/api/reseller/clients/[id]/route';
import { POST as createClientRoute } from '@/app/api/reseller/clients/route';
import { POST as sendRoute } from '@/app/api/v1/sms/send/route';
import type { DbHandle } from '@/db';
import { inboundMessages, messages, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { listInbound, recordInbound } from '@/lib/services/inbound';
import { smsLength } from '@/lib/sms/encoding';
import { useTestDbForRoutes } from './helpers/db';
import { makeAdmin, makeReseller, uid } from './helpers/fixtures';
import { gatewayClient, gatewayLogin, registerPhone } from './helpers/gateway';
import { call } from './helpers/http';
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

// The library's strong-signal pair (the UDHR's title), plus a Latin prefix so the length differs by encoding.
const ZAWGYI = 'OTP 4821 — အျပည္ျပည္ဆိုင္ရာ လူ႔အခြင့္အေရး ေၾကညာစာတမ္း';
const UNICODE = 'OTP 4821 — အပြည်ပြည်ဆိုင်ရာ လူ့အခွင့်အရေး ကြေညာစာတမ်း';

const send = (token: string, body: unknown) => call(sendRoute, 'POST', '/api/v1/sms/send', { token, body });
type Sent = { data: { id: string; message: string; segments: number }[]; converted_from_zawgyi: boolean };
const stored = async (id: string) => (await h.db.select().from(messages).where(eq(messages.id, id)))[0];

describe('POST /api/v1/sms/send and Zawgyi', () => {
  test('Zawgyi text is queued as Unicode and the answer says converted_from_zawgyi', async () => {
    const c = await gatewayClient(h.db, admin);
    const res = await send(c.token, { phones: ['+959420000301', '+959420000302'], message: ZAWGYI });
    expect(res.status).toBe(202);
    const body = res.json as unknown as Sent;
    expect(body.converted_from_zawgyi).toBe(true);
    expect(body.data.map((m) => m.message)).toEqual([UNICODE, UNICODE]);
    const row = await stored(body.data[0].id);
    expect(row.text).toBe(UNICODE);
    expect(row.segments).toBe(smsLength(UNICODE).segments);
    expect(body.data[0].segments).toBe(smsLength(UNICODE).segments);
  });

  test('keep_encoding: true sends the Zawgyi text unchanged', async () => {
    const c = await gatewayClient(h.db, admin);
    const res = await send(c.token, { phone: '+959420000303', message: ZAWGYI, keep_encoding: true });
    expect(res.status).toBe(202);
    const body = res.json as unknown as Sent;
    expect(body.converted_from_zawgyi).toBe(false);
    expect((await stored(body.data[0].id)).text).toBe(ZAWGYI);
  });

  test('Unicode Burmese and plain text are left alone (converted_from_zawgyi: false)', async () => {
    const c = await gatewayClient(h.db, admin);
    for (const message of [UNICODE, 'Hello 1234', 'လူခပ်သိမ်း၏']) {
      const res = await send(c.token, { phone: '+959420000304', message });
      expect(res.status).toBe(202);
      const body = res.json as unknown as Sent;
      expect(body.converted_from_zawgyi).toBe(false);
      expect((await stored(body.data[0].id)).text).toBe(message);
    }
  });

  test('keep_encoding must be a boolean', async () => {
    const c = await gatewayClient(h.db, admin);
    const res = await send(c.token, { phone: '+959420000305', message: ZAWGYI, keep_encoding: 'yes' });
    expect(res.status).toBe(400);
  });
});

describe('client names typed in Zawgyi', () => {
  test('a reseller creates and renames a client: the names are stored as Unicode', async () => {
    const r = await makeReseller(h.db, admin);
    const key = await apiKeyFor(h.db, r.actor);
    const created = await call(createClientRoute, 'POST', '/api/reseller/clients', {
      token: key.key,
      body: {
        name: 'ေမာင္ေမာင္',
        email: `zg-${uid()}@test.local`,
        password: 'client-pass-1',
        phone: '+959111222333',
        account_name: 'ဦးေအာင္ ဆိုင္',
      },
    });
    expect(created.status).toBe(201);
    const id = (created.json as { id: number }).id;
    expect(created.json).toMatchObject({ name: 'မောင်မောင်', account_name: 'ဦးအောင် ဆိုင်' });
    const renamed = await call(patchClientRoute, 'PATCH', `/api/reseller/clients/${id}`, {
      token: key.key,
      id,
      body: { name: 'ဦးေအာင္' },
    });
    expect(renamed.status).toBe(200);
    const [u] = await h.db.select({ name: users.name }).from(users).where(eq(users.id, id));
    expect(u.name).toBe('ဦးအောင်');
  });
});

describe('inbound Zawgyi SMS', () => {
  test('stored exactly as received; the inbox reads it in Unicode beside the original', async () => {
    const c = await gatewayClient(h.db, admin);
    const phone = await registerPhone(h.db, await gatewayLogin(h.db, c.actor), 'inbox phone');
    await recordInbound(h.db, phone.id, { phone: '+959420000399', text: ZAWGYI });
    await recordInbound(h.db, phone.id, { phone: '+959420000398', text: UNICODE });
    const [zg] = await h.db.select().from(inboundMessages).where(eq(inboundMessages.phone, '+959420000399'));
    expect(zg.text).toBe(ZAWGYI);
    const page = await listInbound(h.db, c.actor, { page: 1, limit: 20 });
    const byPhone = new Map(page.data.map((m) => [m.phone, m]));
    expect(byPhone.get('+959420000399')).toMatchObject({ message: ZAWGYI, unicode: UNICODE });
    expect(byPhone.get('+959420000398')).toMatchObject({ message: UNICODE, unicode: null });
    // Another client sees none of them.
    const other = await gatewayClient(h.db, admin);
    expect((await listInbound(h.db, other.actor, { page: 1, limit: 20 })).data).toEqual([]);
  });
});
