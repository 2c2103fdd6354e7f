// Contacts and groups (docs/contacts.md): one contact per client and number whatever format it was typed
// in, search by the start of a name or number (national format too), group filter and paging, tenancy,
// Zawgyi names stored as Unicode, groups that go without their contacts.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DELETE as deleteContactRoute, GET as getContactRoute, PATCH as patchContactRoute } from '@/app/api/v1/contacts/[id]/route';
import { POST as createContactRoute, GET as listContactsRoute } from '@/app/api/v1/contacts/route';
import { DELETE as deleteGroupRoute, PATCH as patchGroupRoute } from '@/app/api/v1/groups/[id]/route';
import { POST as createGroupRoute, GET as listGroupsRoute } from '@/app/api/v1/groups/route';
import type { DbHandle } from '@/db';
import type { Actor } from '@/lib/auth/permissions';
import { phonePrefixes } from '@/lib/phone';
import { useTestDbForRoutes } from './helpers/db';
import { makeAdmin } from './helpers/fixtures';
import { gatewayClient } from './helpers/gateway';
import { call, expectError, fieldsOf } from './helpers/http';

let h: DbHandle;
let admin: Actor;
beforeAll(async () => {
  h = await useTestDbForRoutes();
  admin = await makeAdmin(h.db);
});
afterAll(async () => {
  await h.close();
});

const ZAWGYI = 'ေမာင္ေမာင္ ျမင့္';
const UNICODE = 'မောင်မောင် မြင့်';

type ContactJson = {
  id: number;
  phone: string;
  name: string | null;
  fields: Record<string, string>;
  groups: { id: number; name: string }[];
};
const add = (token: string, body: unknown) => call(createContactRoute, 'POST', '/api/v1/contacts', { token, body });
const list = async (token: string, query: Record<string, string | number> = {}) => {
  const a = await call(listContactsRoute, 'GET', '/api/v1/contacts', { token, query });
  expect(a.status).toBe(200);
  return a.json as unknown as { data: ContactJson[]; pagination: { total: number; pages: number; page: number } };
};
const group = async (token: string, name: string) => {
  const a = await call(createGroupRoute, 'POST', '/api/v1/groups', { token, body: { name } });
  expect(a.status).toBe(201);
  return a.json as unknown as { id: number; name: string; contacts: number };
};

describe('contacts', () => {
  test('a national number is stored E.164 in the client country; the same number in another format is a 409', async () => {
    const c = await gatewayClient(h.db, admin);
    const a = await add(c.token, { phone: '09 420 000 202', name: 'Aye Aye', fields: { city: 'Yangon' } });
    expect(a.status).toBe(201);
    expect(a.json).toMatchObject({ phone: '+959420000202', name: 'Aye Aye', fields: { city: 'Yangon' }, groups: [] });
    const again = await add(c.token, { phone: '+95 9 420 000 202', name: 'Other' });
    expect(fieldsOf(expectError(again, 409, 'conflict')).phone).toBeDefined();
    // Another client may hold the same number.
    const other = await gatewayClient(h.db, admin);
    expect((await add(other.token, { phone: '09420000202' })).status).toBe(201);
  });

  test('an invalid number or field key is a 400 on that field, and nothing is stored', async () => {
    const c = await gatewayClient(h.db, admin);
    expect(fieldsOf(expectError(await add(c.token, { phone: '0942' }), 400, 'validation_failed')).phone).toBeDefined();
    const badKey = await add(c.token, { phone: '09420000203', fields: { 'not ok': 'x' } });
    expectError(badKey, 400, 'validation_failed');
    expect((await list(c.token)).pagination.total).toBe(0);
  });

  test('a Zawgyi name (and field value) is stored as Unicode and found by its Unicode or Zawgyi start', async () => {
    const c = await gatewayClient(h.db, admin);
    const a = await add(c.token, { phone: '09420000204', name: ZAWGYI, fields: { note: ZAWGYI } });
    expect(a.json).toMatchObject({ name: UNICODE, fields: { note: UNICODE } });
    expect((await list(c.token, { search: 'မောင်' })).data.map((r) => r.name)).toEqual([UNICODE]);
  });

  test('search by the start of a name (any case) or of a number in national or international format', async () => {
    const c = await gatewayClient(h.db, admin);
    for (const [phone, name] of [
      ['09420000301', 'Thida Win'],
      ['09420000302', 'thiha Zaw'],
      ['09770000303', 'Kyaw Kyaw'],
      ['+66812345678', 'Somchai 100%'],
    ]) {
      expect((await add(c.token, { phone, name })).status).toBe(201);
    }
    const names = async (search: string) => (await list(c.token, { search })).data.map((r) => r.name).sort();
    expect(await names('THI')).toEqual(['Thida Win', 'thiha Zaw']);
    expect(await names('09 4200')).toEqual(['Thida Win', 'thiha Zaw']);
    expect(await names('+95977')).toEqual(['Kyaw Kyaw']);
    expect(await names('0095977')).toEqual(['Kyaw Kyaw']);
    expect(await names('09420000301')).toEqual(['Thida Win']);
    expect(await names('+66 81')).toEqual(['Somchai 100%']);
    // LIKE wildcards are text: "%" finds only names with a "%" at that place, "Win" is not a start.
    expect(await names('%')).toEqual([]);
    expect(await names('Somchai 100%')).toEqual(['Somchai 100%']);
    expect(await names('Win')).toEqual([]);
  });

  test('group filter, paging (newest first) and groups on each contact', async () => {
    const c = await gatewayClient(h.db, admin);
    const vip = await group(c.token, 'VIP');
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) {
      const a = await add(c.token, { phone: `0942000040${i}`, name: `P${i}`, groups: i % 2 === 0 ? [vip.id] : [] });
      ids.push((a.json as unknown as ContactJson).id);
    }
    const inVip = await list(c.token, { group_id: vip.id });
    expect(inVip.data.map((r) => r.name)).toEqual(['P4', 'P2', 'P0']);
    expect(inVip.data[0].groups).toEqual([{ id: vip.id, name: 'VIP' }]);
    const p2 = await list(c.token, { page: 2, limit: 2 });
    expect(p2.pagination).toMatchObject({ total: 5, pages: 3, page: 2 });
    expect(p2.data.map((r) => r.name)).toEqual(['P2', 'P1']);
    const groups = await call(listGroupsRoute, 'GET', '/api/v1/groups', { token: c.token });
    expect(groups.json.data).toEqual([expect.objectContaining({ id: vip.id, name: 'VIP', contacts: 3 })]);
  });

  test('PATCH changes only what is given, replaces groups; deleting a group keeps its contacts', async () => {
    const c = await gatewayClient(h.db, admin);
    const g1 = await group(c.token, 'Shop A');
    const g2 = await group(c.token, 'Shop B');
    const a = (await add(c.token, { phone: '09420000501', name: 'Su', groups: [g1.id] })).json as unknown as ContactJson;
    const b = await call(patchContactRoute, 'PATCH', '/api/v1/contacts/x', { token: c.token, id: a.id, body: { groups: [g2.id] } });
    expect(b.json).toMatchObject({ name: 'Su', phone: '+959420000501', groups: [{ id: g2.id, name: 'Shop B' }] });
    await add(c.token, { phone: '09420000502' });
    const clash = await call(patchContactRoute, 'PATCH', '/api/v1/contacts/x', {
      token: c.token,
      id: a.id,
      body: { phone: '+959420000502' },
    });
    expectError(clash, 409, 'conflict');
    const del = await call(deleteGroupRoute, 'DELETE', '/api/v1/groups/x', { token: c.token, id: g2.id });
    expect(del.json).toEqual({ id: g2.id, deleted: true });
    const after = await call(getContactRoute, 'GET', '/api/v1/contacts/x', { token: c.token, id: a.id });
    expect(after.json).toMatchObject({ id: a.id, groups: [] });
    const renamed = await call(patchGroupRoute, 'PATCH', '/api/v1/groups/x', { token: c.token, id: g1.id, body: { name: 'shop a ' } });
    expect(renamed.json).toMatchObject({ name: 'shop a' });
    expectError(await call(createGroupRoute, 'POST', '/api/v1/groups', { token: c.token, body: { name: 'SHOP A' } }), 409, 'conflict');
  });

  test("another client's contact or group is a 404 and is not touched; its group id is a 400 in groups", async () => {
    const c = await gatewayClient(h.db, admin);
    const other = await gatewayClient(h.db, admin);
    const theirs = (await add(other.token, { phone: '09420000601', name: 'Theirs' })).json as unknown as ContactJson;
    const theirGroup = await group(other.token, 'Theirs');
    expectError(await call(getContactRoute, 'GET', '/api/v1/contacts/x', { token: c.token, id: theirs.id }), 404, 'not_found');
    expectError(await call(deleteContactRoute, 'DELETE', '/api/v1/contacts/x', { token: c.token, id: theirs.id }), 404, 'not_found');
    expectError(await call(deleteGroupRoute, 'DELETE', '/api/v1/groups/x', { token: c.token, id: theirGroup.id }), 404, 'not_found');
    const bad = await add(c.token, { phone: '09420000602', groups: [theirGroup.id] });
    expect(fieldsOf(expectError(bad, 400, 'validation_failed')).groups).toBeDefined();
    expect((await list(c.token, { group_id: theirGroup.id })).data).toEqual([]);
    expect((await list(other.token)).pagination.total).toBe(1);
  });
});

describe('phonePrefixes', () => {
  test('national, international and bare digits', () => {
    expect(phonePrefixes('09 42', 'MM')).toEqual(['+95942']);
    expect(phonePrefixes('+95 9', 'MM')).toEqual(['+959']);
    expect(phonePrefixes('0095 9', 'MM')).toEqual(['+959']);
    expect(phonePrefixes('942', 'MM')).toEqual(['+95942', '+942']);
    expect(phonePrefixes('09420000202', 'MM')).toEqual(['+959420000202']);
    expect(phonePrefixes('Aye', 'MM')).toBeNull();
  });
});
