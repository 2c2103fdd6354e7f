// The package catalog (docs/ARCHITECTURE.md#rules-money): the admin adds, edits and disables packages; a subscription keeps the
// price and limits it was sold with. On a database of its own: the catalog is global, and other files
// count on the four seeded packages staying exactly as they are.
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { PATCH as patchRoute } from '@/app/api/admin/packages/[id]/route';
import { POST as createRoute, GET as listRoute } from '@/app/api/admin/packages/route';
import { POST as activateRoute } from '@/app/api/reseller/clients/[id]/activate/route';
import { GET as resellerPackages } from '@/app/api/reseller/packages/route';
import { type DbHandle, setDbHandle } from '@/db';
import { packages, subscriptions } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { activatePackage } from '@/lib/services/activation';
import { listAudit } from '@/lib/services/audit';
import { getClient } from '@/lib/services/clients';
import { listAllPackages, updatePackage } from '@/lib/services/packages';
import { domainError } from './helpers/errors';
import { makeClient } from './helpers/fixtures';
import { call, expectError, fieldsOf } from './helpers/http';
import { assertLedgerInvariant } from './helpers/invariants';
import { openPrivateDb } from './helpers/private-db';
import { adminWithToken, resellerWithToken } from './helpers/sessions';

let h: DbHandle;
let admin: Actor;
let adminToken: string;
beforeAll(async () => {
  h = await openPrivateDb();
  setDbHandle(h);
  ({ actor: admin, token: adminToken } = await adminWithToken(h.db));
});
afterEach(async () => {
  await assertLedgerInvariant(h.db);
});
afterAll(async () => {
  await h.close();
});

const create = (body: unknown, token = adminToken) => call(createRoute, 'POST', '/api/admin/packages', { token, body });
const patch = (id: number | string, body: unknown, token = adminToken) => call(patchRoute, 'PATCH', '/p', { token, id, body });
async function packageId(code: string) {
  const [p] = await h.db.select({ id: packages.id }).from(packages).where(eq(packages.code, code));
  return p.id;
}
async function onSale(token: string) {
  const res = await call(resellerPackages, 'GET', '/api/reseller/packages', { token });
  return (res.json.data as { package_type: string; price: number }[]).map((p) => p.package_type);
}
const mega = (over: Record<string, unknown> = {}) => ({
  code: 'mega_plus',
  name: 'Mega Plus',
  price: 600_000,
  daily_limit: 800,
  period_limit: 24_000,
  device_limit: 5,
  ...over,
});

test('GET /api/admin/packages is the whole catalog, starting with the four seeded packages', async () => {
  const res = await call(listRoute, 'GET', '/api/admin/packages', { token: adminToken });
  expect(res.status).toBe(200);
  expect((res.json.data as { package_type: string; active: boolean }[]).map((p) => [p.package_type, p.active])).toEqual([
    ['starter_pro', true],
    ['business_elite', true],
    ['enterprise_pro', true],
    ['enterprise_max', true],
  ]);
});

describe('create', () => {
  test('201 with the package; on sale to resellers at once; a duplicate code is 409', async () => {
    const { token } = await resellerWithToken(h.db, admin);
    const res = await create(mega());
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      id: expect.any(Number),
      package_type: 'mega_plus',
      name: 'Mega Plus',
      price: 600_000,
      daily_limit: 800,
      period_limit: 24_000,
      device_limit: 5,
      period_days: 30,
      active: true,
    });
    expect(await onSale(token)).toContain('mega_plus');
    const [audit] = (await listAudit(h.db, admin, { page: 1, limit: 1, action: 'package.create', target_id: 'mega_plus' })).data;
    expect(audit).toMatchObject({ actor_id: admin.userId, target_type: 'package', before: null, after: { price: 600_000 } });

    for (const code of ['mega_plus', 'MEGA_PLUS', 'starter_pro']) {
      expect(fieldsOf(expectError(await create(mega({ code, name: 'Copy' })), 409, 'conflict'))).toHaveProperty('code');
    }
  });

  test('bad input is 400 per field: limits out of order, a bad code, a negative price', async () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{ code: 'tiny', daily_limit: 100, period_limit: 99 }, ['period_limit']],
      [{ code: '1st_plan' }, ['code']],
      [{ code: 'has space' }, ['code']],
      [{ code: 'cheap', price: -1 }, ['price']],
      [{ code: 'cheap', price: 10.5 }, ['price']],
      [{ code: 'cheap', device_limit: 0 }, ['device_limit']],
    ];
    for (const [over, fields] of cases) {
      expect(Object.keys(fieldsOf(expectError(await create(mega(over)), 400, 'validation_failed'))), JSON.stringify(over)).toEqual(fields);
    }
    expect((await listAllPackages(h.db, admin)).map((p) => p.package_type)).not.toContain('tiny');
  });
});

describe('edit', () => {
  test('a new price reaches new activations only: an existing subscription keeps its price and limits', async () => {
    const r = await resellerWithToken(h.db, admin, { credit: 1_000_000 });
    const { client: early } = await makeClient(h.db, r.actor);
    const sold = await activatePackage(h.db, r.actor, early.id, { package_type: 'starter_pro' });
    const [subBefore] = await h.db.select().from(subscriptions).where(eq(subscriptions.id, sold.subscription.id));
    const usageBefore = (await getClient(h.db, r.actor, early.id)).usage;

    const id = await packageId('starter_pro');
    const res = await patch(id, { price: 55_000, daily_limit: 50, period_limit: 1_500, name: 'Starter Pro+' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      id,
      package_type: 'starter_pro',
      name: 'Starter Pro+',
      price: 55_000,
      daily_limit: 50,
      period_limit: 1_500,
      device_limit: 1,
    });

    const [subAfter] = await h.db.select().from(subscriptions).where(eq(subscriptions.id, sold.subscription.id));
    expect(subAfter).toEqual(subBefore);
    expect(subAfter).toMatchObject({ price: 50_000, dailyLimit: 45, periodLimit: 1_350, packageName: 'Starter Pro' });
    expect((await getClient(h.db, r.actor, early.id)).usage).toEqual(usageBefore);
    expect(usageBefore).toMatchObject({ daily_limit: 45, period_limit: 1_350 });

    const { client: late } = await makeClient(h.db, r.actor);
    const answer = await call(activateRoute, 'POST', '/a', { token: r.token, id: late.id, body: { package_type: 'starter_pro' } });
    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({
      subscription: { price: 55_000, daily_limit: 50, period_limit: 1_500, name: 'Starter Pro+' },
      credit_balance: 1_000_000 - 50_000 - 55_000,
      client: { usage: { daily_limit: 50, period_limit: 1_500 } },
    });

    const [audit] = (await listAudit(h.db, admin, { page: 1, limit: 1, action: 'package.update', target_id: 'starter_pro' })).data;
    expect(audit).toMatchObject({
      actor_id: admin.userId,
      target_type: 'package',
      before: { price: 50_000, daily_limit: 45, name: 'Starter Pro' },
      after: { price: 55_000, daily_limit: 50, name: 'Starter Pro+' },
    });
    await updatePackage(h.db, admin, id, { price: 50_000, daily_limit: 45, period_limit: 1_350, name: 'Starter Pro' });
  });

  test('a period limit below the daily limit is 400 and changes nothing; so are unknown fields and ids', async () => {
    const id = await packageId('business_elite');
    const [before] = await h.db.select().from(packages).where(eq(packages.id, id));
    // Against the stored daily limit (180) as well as against one in the same request.
    expect(Object.keys(fieldsOf(expectError(await patch(id, { period_limit: 179 }), 400, 'validation_failed')))).toEqual(['period_limit']);
    expect(Object.keys(fieldsOf(expectError(await patch(id, { daily_limit: 6_000 }), 400, 'validation_failed')))).toEqual(['period_limit']);
    expectError(await patch(id, { code: 'renamed' }), 400, 'validation_failed');
    expectError(await patch(id, { price: -5 }), 400, 'validation_failed');
    const [after] = await h.db.select().from(packages).where(eq(packages.id, id));
    expect(after).toEqual(before);
    expectError(await patch(2_000_000, { price: 1 }), 404, 'not_found');
    expectError(await patch('abc', { price: 1 }), 404, 'not_found');
  });

  test('a reseller token on the catalog routes is 401', async () => {
    const { token } = await resellerWithToken(h.db, admin);
    expectError(await call(listRoute, 'GET', '/api/admin/packages', { token }), 401, 'unauthorized');
    expectError(await create(mega({ code: 'sneaky' }), token), 401, 'unauthorized');
    expectError(await patch(await packageId('starter_pro'), { price: 1 }, token), 401, 'unauthorized');
  });
});

describe('disable', () => {
  test('a disabled package cannot be activated and leaves the reseller catalog; its subscriptions run on', async () => {
    const r = await resellerWithToken(h.db, admin, { credit: 2_000_000 });
    const { client: holder } = await makeClient(h.db, r.actor);
    const code = 'retiring_plan';
    expect((await create(mega({ code, name: 'Retiring' }))).status).toBe(201);
    await activatePackage(h.db, r.actor, holder.id, { package_type: code });
    const id = await packageId(code);

    const res = await patch(id, { active: false });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ package_type: code, active: false });
    expect(await onSale(r.token)).not.toContain(code);
    const all = await call(listRoute, 'GET', '/api/admin/packages', { token: adminToken });
    expect(all.json.data).toContainEqual(expect.objectContaining({ package_type: code, active: false }));

    const { client: newcomer } = await makeClient(h.db, r.actor);
    const refused = await call(activateRoute, 'POST', '/a', { token: r.token, id: newcomer.id, body: { package_type: code } });
    expect(Object.keys(fieldsOf(expectError(refused, 400, 'validation_failed')))).toEqual(['package_type']);
    expect((await getClient(h.db, r.actor, newcomer.id)).status).toBe('trial');
    // Renewing it is refused too; the running subscription is untouched.
    expect((await domainError(activatePackage(h.db, r.actor, holder.id, { package_type: code }))).code).toBe('validation_failed');
    expect((await getClient(h.db, r.actor, holder.id)).package).toMatchObject({ package_type: code });

    const audit = (await listAudit(h.db, admin, { page: 1, limit: 1, action: 'package.update', target_id: code })).data[0];
    expect(audit).toMatchObject({ before: { active: true }, after: { active: false } });
    // Enabled again, it is on sale again.
    await patch(id, { active: true });
    expect(await onSale(r.token)).toContain(code);
  });

  test('the last package on sale cannot be disabled (409)', async () => {
    const all = await listAllPackages(h.db, admin);
    const [keep, ...rest] = all.filter((p) => p.active);
    try {
      for (const p of rest) await updatePackage(h.db, admin, p.id, { active: false });
      const res = await patch(keep.id, { active: false });
      expectError(res, 409, 'conflict');
      const [stored] = await h.db.select({ active: packages.active }).from(packages).where(eq(packages.id, keep.id));
      expect(stored.active).toBe(true);
      // Editing the last one otherwise is fine.
      expect((await patch(keep.id, { active: true, sort_order: keep.sort_order })).status).toBe(200);
    } finally {
      for (const p of rest) await updatePackage(h.db, admin, p.id, { active: true });
    }
    expect((await listAllPackages(h.db, admin)).filter((p) => p.active)).toHaveLength(all.filter((p) => p.active).length);
  });
});
