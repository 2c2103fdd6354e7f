// GET /api/{admin,reseller,v1}/notifications and POST …/read: one's own notices only, in one's language.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { POST as resellerRead } from '@/app/api/reseller/notifications/read/route';
import { GET as resellerList } from '@/app/api/reseller/notifications/route';
import { POST as clientRead } from '@/app/api/v1/notifications/read/route';
import { GET as clientList } from '@/app/api/v1/notifications/route';
import type { DbHandle } from '@/db';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { raiseEvent } from '@/lib/notifications/raise';
import { useTestDbForRoutes } from './helpers/db';
import { makeAdmin, makeClient, makeReseller, uid } from './helpers/fixtures';
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

test("lists one's own notices with the unread count, marks one then all read; another tenant's ids are untouched", async () => {
  const { actor: r } = await makeReseller(h.db, admin);
  const c = await makeClient(h.db, r);
  await h.db.update(users).set({ language: 'my' }).where(eq(users.id, c.client.id));
  for (let i = 0; i < 2; i++)
    await raiseEvent(h.db, {
      event: 'usage_limit',
      key: `u:${uid()}`,
      userIds: [c.client.id],
      params: { client: 'Shop', limitKind: 'day', used: 16, limit: 20, percent: 80 },
    });
  await raiseEvent(h.db, { event: 'credit_added', key: `c:${uid()}`, userIds: [r.userId], params: { amount: 1000, balanceAmount: 1000 } });
  const ck = (await apiKeyFor(h.db, c.actor, 'n')).key;
  const rk = (await apiKeyFor(h.db, r, 'n')).key;
  const list = await call(clientList, 'GET', '/api/v1/notifications', { token: ck });
  expect(list.status).toBe(200);
  expect(list.json.unread).toBe(2);
  const data = list.json.data as { id: number; title: string }[];
  expect(data[0].title).toBe('နေ့စဉ် ကန့်သတ်ချက်၏ 80 % သုံးပြီး');
  const mine = (await call(resellerList, 'GET', '/api/reseller/notifications', { token: rk })).json.data as { id: number }[];
  // The reseller cannot mark the client's notice read.
  expect(
    (await call(resellerRead, 'POST', '/api/reseller/notifications/read', { token: rk, body: { ids: [data[0].id] } })).json.unread,
  ).toBe(mine.length);
  expect((await call(clientList, 'GET', '/api/v1/notifications', { token: ck })).json.unread).toBe(2);
  expect((await call(clientRead, 'POST', '/api/v1/notifications/read', { token: ck, body: { ids: [data[0].id] } })).json.unread).toBe(1);
  expect((await call(clientRead, 'POST', '/api/v1/notifications/read', { token: ck, body: {} })).json.unread).toBe(0);
});
