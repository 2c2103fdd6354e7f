// GET|PATCH /api/reseller/notice-settings (issue 16): the branding page's notice settings over the reseller API,
// through the same service; bad input and another reseller's client as sender are refused and change nothing.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { GET as getRoute, PATCH as patchRoute } from '@/app/api/reseller/notice-settings/route';
import type { DbHandle } from '@/db';
import type { Actor } from '@/lib/auth/permissions';
import { getNoticeSettings } from '@/lib/services/notice-settings';
import { useTestDbForRoutes } from './helpers/db';
import { makeAdmin, makeClient } from './helpers/fixtures';
import { call, expectError, fieldsOf } from './helpers/http';
import { apiKeyFor } from './helpers/reseller-keys';
import { resellerWithToken } from './helpers/sessions';

let h: DbHandle;
let admin: Actor;
beforeAll(async () => {
  h = await useTestDbForRoutes();
  admin = await makeAdmin(h.db);
});
afterAll(async () => {
  await h.close();
});

const PATH = '/api/reseller/notice-settings';
const get = (token: string) => call(getRoute, 'GET', PATH, { token });
const patch = (token: string, body: unknown) => call(patchRoute, 'PATCH', PATH, { token, body });

test('GET shows the defaults; PATCH changes the fields it names and GET shows the same', async () => {
  const r = await resellerWithToken(h.db, admin);
  const { client } = await makeClient(h.db, r.actor);
  expect(await get(r.token)).toMatchObject({
    status: 200,
    json: { low_credit_threshold: 100_000, mail_from_name: null, sms_sender_client_id: null },
  });
  const res = await patch(r.token, { low_credit_threshold: 250_000, mail_from_name: '  Shop Team ', sms_sender_client_id: client.id });
  expect(res.status, res.text).toBe(200);
  expect(res.json).toEqual({ low_credit_threshold: 250_000, mail_from_name: 'Shop Team', sms_sender_client_id: client.id });
  // A field left out keeps its value; null puts the platform's phone back.
  expect((await patch(r.token, { sms_sender_client_id: null })).json).toEqual({
    low_credit_threshold: 250_000,
    mail_from_name: 'Shop Team',
    sms_sender_client_id: null,
  });
  expect((await get(r.token)).json).toEqual(await getNoticeSettings(h.db, r.actor));
  expectError(await call(getRoute, 'GET', PATH), 401, 'unauthorized');
});

test('bad input is a 400 with the field named, and nothing changes', async () => {
  const r = await resellerWithToken(h.db, admin);
  await patch(r.token, { low_credit_threshold: 120_000, mail_from_name: 'Mine' });
  const before = await getNoticeSettings(h.db, r.actor);
  const bad: [unknown, string][] = [
    [{ low_credit_threshold: -1 }, 'low_credit_threshold'],
    [{ low_credit_threshold: 1.5 }, 'low_credit_threshold'],
    [{ low_credit_threshold: '5000' }, 'low_credit_threshold'],
    [{ mail_from_name: 'x'.repeat(81) }, 'mail_from_name'],
    [{ sms_sender_client_id: 0 }, 'sms_sender_client_id'],
    [{ sms_sender_client_id: 'abc' }, 'sms_sender_client_id'],
  ];
  for (const [body, field] of bad) {
    const d = expectError(await patch(r.token, body), 400, 'validation_failed');
    expect(Object.keys(fieldsOf(d)), JSON.stringify(body)).toContain(field);
  }
  // An unknown field is refused, not ignored.
  expectError(await patch(r.token, { low_credit_threshold: 1, brand: 'x' }), 400, 'validation_failed');
  expect(await getNoticeSettings(h.db, r.actor)).toEqual(before);
});

test("another reseller's client as the SMS sender is refused and nothing changes; a client key is not the reseller API", async () => {
  const r = await resellerWithToken(h.db, admin);
  const other = await resellerWithToken(h.db, admin);
  const { client: theirs, actor: theirActor } = await makeClient(h.db, other.actor);
  await patch(r.token, { low_credit_threshold: 130_000 });
  const before = await getNoticeSettings(h.db, r.actor);
  const d = expectError(await patch(r.token, { low_credit_threshold: 1, sms_sender_client_id: theirs.id }), 400, 'validation_failed');
  expect(fieldsOf(d).sms_sender_client_id).toEqual(['Not one of your client accounts.']);
  expect(await getNoticeSettings(h.db, r.actor)).toEqual(before);
  // The other reseller's settings are untouched, and its client's key does not reach this API.
  expect((await getNoticeSettings(h.db, other.actor)).sms_sender_client_id).toBeNull();
  const ck = (await apiKeyFor(h.db, theirActor, 'n')).key;
  expect((await patch(ck, { low_credit_threshold: 1 })).status).toBeGreaterThanOrEqual(401);
  expect(await getNoticeSettings(h.db, other.actor)).toMatchObject({ low_credit_threshold: 100_000 });
});
