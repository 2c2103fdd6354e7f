// The inbox (docs/engagement.md#inbox): conversations per number with unread counts and search, one
// conversation in both directions (reading marks it read), a reply through the receiving phone. PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { POST as replyRoute } from '@/app/api/v1/inbox/[phone]/reply/route';
import { GET as threadRoute } from '@/app/api/v1/inbox/[phone]/route';
import { GET as inboxRoute } from '@/app/api/v1/inbox/route';
import type { DbHandle } from '@/db';
import type { Actor } from '@/lib/auth/permissions';
import { recordInbound } from '@/lib/services/inbound';
import { clientLimits } from '@/lib/services/limits';
import { useTestDbForRoutes } from './helpers/db';
import { makeAdmin, uid } from './helpers/fixtures';
import { gatewayClient, gatewayLogin, messageRows, registerPhone } from './helpers/gateway';
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

type Thread = { phone: string; unread: number; last_message: string; last_direction: string; device_id: string };

describe('the inbox', () => {
  test('threads with unread counts and search; reading one marks it read; reply goes through the receiving phone', async () => {
    const c = await gatewayClient(h.db, admin, { pkg: 'enterprise_max' });
    const creds = await gatewayLogin(h.db, c.actor);
    const p1 = await registerPhone(h.db, creds, 'one');
    const p2 = await registerPhone(h.db, creds, 'two');
    const A = '+959420000401';
    const B = '+959420000402';
    const t0 = Date.now() - 60_000;
    await recordInbound(h.db, p1.id, { phone: A, text: 'hello there', eventId: uid() }, new Date(t0));
    await recordInbound(h.db, p2.id, { phone: A, text: 'any news?', eventId: uid() }, new Date(t0 + 1000));
    await recordInbound(h.db, p1.id, { phone: B, text: 'price of rice', eventId: uid() }, new Date(t0 + 2000));
    const list = async (query: Record<string, string> = {}) => {
      const r = await call(inboxRoute, 'GET', '/api/v1/inbox', { token: c.token, query });
      expect(r.status).toBe(200);
      return r.json.data as Thread[];
    };
    expect((await list()).map((t) => [t.phone, t.unread, t.last_message])).toEqual([
      [B, 1, 'price of rice'],
      [A, 2, 'any news?'],
    ]);
    expect((await list({ search: 'rice' })).map((t) => t.phone)).toEqual([B]);
    expect((await list({ search: '0401' })).map((t) => t.phone)).toEqual([A]);
    const read = await call(threadRoute, 'GET', `/api/v1/inbox/${encodeURIComponent(A)}`, { token: c.token, params: { phone: A } });
    expect(read.status).toBe(200);
    expect((read.json.data as { message: string; direction: string }[]).map((m) => [m.direction, m.message])).toEqual([
      ['in', 'any news?'],
      ['in', 'hello there'],
    ]);
    expect((await list({ unread: 'true' })).map((t) => t.phone)).toEqual([B]);
    // The reply: through p2, the phone that received A's latest SMS; counted; the thread shows it.
    const before = (await clientLimits(h.db, c.id, new Date())).used;
    const rep = await call(replyRoute, 'POST', '/api/v1/inbox/x/reply', {
      token: c.token,
      params: { phone: '09420000401' },
      body: { message: 'Tomorrow!' },
    });
    expect(rep.status).toBe(202);
    expect(rep.json).toMatchObject({ phone: A, device_id: p2.id });
    const [m] = await messageRows(h.db, [rep.json.id as string]);
    expect(m).toMatchObject({ deviceId: p2.id, text: 'Tomorrow!' });
    expect((await clientLimits(h.db, c.id, new Date())).used.today).toBe(before.today + 1);
    const after = await call(threadRoute, 'GET', '/api/v1/inbox/x', { token: c.token, params: { phone: A } });
    expect((after.json.data as { direction: string; message: string }[])[0]).toMatchObject({ direction: 'out', message: 'Tomorrow!' });
    expect((await list()).find((t) => t.phone === A)).toMatchObject({
      phone: A,
      unread: 0,
      last_direction: 'out',
      last_message: 'Tomorrow!',
    });
    // No conversation with a number that never wrote; another client sees none of these.
    expectError(
      await call(replyRoute, 'POST', '/api/v1/inbox/x/reply', {
        token: c.token,
        params: { phone: '+959420000499' },
        body: { message: 'x' },
      }),
      404,
      'not_found',
    );
    const other = await gatewayClient(h.db, admin);
    expect((await call(inboxRoute, 'GET', '/api/v1/inbox', { token: other.token })).json.data).toEqual([]);
    expectError(await call(threadRoute, 'GET', '/api/v1/inbox/x', { token: other.token, params: { phone: A } }), 404, 'not_found');
  });
});
