// Deleting a reseller (docs/ARCHITECTURE.md#rules-tenancy): typed confirmation, refused with the reason while it has paid clients or a
// balance, and then an archive, never an erasure: ledger and audit stay whole, email and subdomain come free.
import { and, count, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { DELETE as deleteRoute } from '@/app/api/admin/resellers/[id]/route';
import { POST as createRoute, GET as listRoute } from '@/app/api/admin/resellers/route';
import { POST as resellerLogin } from '@/app/api/reseller/auth/login/route';
import { GET as profileRoute } from '@/app/api/reseller/profile/route';
import type { DbHandle } from '@/db';
import { auditLog, clients, ledgerEntries, resellers, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { activatePackage } from '@/lib/services/activation';
import { listAudit } from '@/lib/services/audit';
import { creditReseller } from '@/lib/services/credit';
import { settleCommission } from '@/lib/services/reseller-admin';
import { decideTopupRequest, fileTopupRequest } from '@/lib/services/topups';
import { useTestDbForRoutes } from './helpers/db';
import { domainError } from './helpers/errors';
import { makeClient, makeReseller, uid } from './helpers/fixtures';
import { call, expectError, fieldsOf } from './helpers/http';
import { assertLedgerInvariant } from './helpers/invariants';
import { adminWithToken } from './helpers/sessions';

const DAY = 86_400_000;

let h: DbHandle;
let admin: Actor;
let adminToken: string;
beforeAll(async () => {
  h = await useTestDbForRoutes();
  ({ actor: admin, token: adminToken } = await adminWithToken(h.db));
});
afterEach(async () => {
  await assertLedgerInvariant(h.db);
});
afterAll(async () => {
  await h.close();
});

const del = (id: number, body: unknown) => call(deleteRoute, 'DELETE', '/api/admin/resellers/x', { token: adminToken, id, body });
const login = (email: string, password: string) => call(resellerLogin, 'POST', '/api/reseller/auth/login', { body: { email, password } });
async function statusOf(id: number) {
  const [u] = await h.db.select({ status: users.status }).from(users).where(eq(users.id, id));
  const [r] = await h.db.select({ archivedAt: resellers.archivedAt }).from(resellers).where(eq(resellers.id, id));
  return { status: u.status, archived: r.archivedAt !== null };
}
async function countsOf(id: number) {
  const [{ ledger }] = await h.db.select({ ledger: count() }).from(ledgerEntries).where(eq(ledgerEntries.resellerId, id));
  const [{ audit }] = await h.db
    .select({ audit: count() })
    .from(auditLog)
    .where(and(eq(auditLog.targetType, 'reseller'), eq(auditLog.targetId, String(id))));
  const [{ byActor }] = await h.db.select({ byActor: count() }).from(auditLog).where(eq(auditLog.actorId, id));
  const [{ owned }] = await h.db.select({ owned: count() }).from(clients).where(eq(clients.resellerId, id));
  return { ledger, audit, byActor, owned };
}

describe('refusals', () => {
  test('a client in a running paid subscription: 409 conflict with that one reason', async () => {
    const { reseller, actor } = await makeReseller(h.db, admin, { credit: 50_000 });
    const { client } = await makeClient(h.db, actor);
    await activatePackage(h.db, actor, client.id, { package_type: 'starter_pro' });
    const details = expectError(await del(reseller.id, { confirm: reseller.name }), 409, 'conflict');
    expect(details).toMatchObject({ paid_subscriptions: 1, credit_balance: 0, commission_balance: 0 });
    expect(details.reasons).toEqual([expect.stringMatching(/paid subscription/)]);
    expect(await statusOf(reseller.id)).toEqual({ status: 'active', archived: false });
  });

  test('a non-zero credit balance: 409 with that one reason; zero it and the delete goes through', async () => {
    const { reseller } = await makeReseller(h.db, admin, { credit: 1_500 });
    const details = expectError(await del(reseller.id, { confirm: reseller.name }), 409, 'conflict');
    expect(details).toMatchObject({ paid_subscriptions: 0, credit_balance: 1_500, commission_balance: 0 });
    expect(details.reasons).toEqual([expect.stringMatching(/credit balance is 1,500 MMK/)]);
    await creditReseller(h.db, admin, reseller.id, { amount: -1_500, note: 'Refunded by bank before closing' });
    expect((await del(reseller.id, { confirm: reseller.name })).json).toEqual({ id: reseller.id, status: 'archived' });
  });

  test('a non-zero commission balance: 409 with that one reason; pay it out and the delete goes through', async () => {
    const { reseller, actor } = await makeReseller(h.db, admin, { credit: 50_000, partner_type: 'commission', commission_rate: 10 });
    const { client } = await makeClient(h.db, actor);
    // Sold 40 days ago: the subscription is over, only the commission it earned is left.
    await activatePackage(h.db, actor, client.id, { package_type: 'starter_pro' }, new Date(Date.now() - 40 * DAY));
    const details = expectError(await del(reseller.id, { confirm: reseller.name }), 409, 'conflict');
    expect(details).toMatchObject({ paid_subscriptions: 0, credit_balance: 0, commission_balance: 5_000 });
    expect(details.reasons).toEqual([expect.stringMatching(/commission balance is 5,000 MMK/)]);
    await settleCommission(h.db, admin, reseller.id, { mode: 'payout' });
    expect((await del(reseller.id, { confirm: reseller.name })).status).toBe(200);
  });

  test('every reason at once is listed', async () => {
    const { reseller, actor } = await makeReseller(h.db, admin, { credit: 60_000, partner_type: 'commission', commission_rate: 5 });
    const { client } = await makeClient(h.db, actor);
    await activatePackage(h.db, actor, client.id, { package_type: 'starter_pro' });
    const details = expectError(await del(reseller.id, { confirm: reseller.name }), 409, 'conflict');
    expect(details.reasons).toHaveLength(3);
    expect(details).toMatchObject({ paid_subscriptions: 1, credit_balance: 10_000, commission_balance: 2_500 });
  });

  test('a wrong confirmation name is 400 on confirm and changes nothing; unknown ids are 404', async () => {
    const { reseller } = await makeReseller(h.db, admin);
    for (const confirm of ['', 'someone else', reseller.name.toLowerCase(), `${reseller.name}x`]) {
      expect(Object.keys(fieldsOf(expectError(await del(reseller.id, { confirm }), 400, 'validation_failed')))).toEqual(['confirm']);
    }
    expect(await statusOf(reseller.id)).toEqual({ status: 'active', archived: false });
    expectError(await del(2_000_000_000, { confirm: 'x' }), 404, 'not_found');
    expectError(await call(deleteRoute, 'DELETE', '/x', { token: adminToken, id: 'abc', body: {} }), 404, 'not_found');
  });

  test('a reseller token cannot delete (401), not even itself', async () => {
    const { reseller, password } = await makeReseller(h.db, admin);
    const token = String((await login(reseller.email, password)).json.token);
    expectError(await call(deleteRoute, 'DELETE', '/x', { token, id: reseller.id, body: { confirm: reseller.name } }), 401, 'unauthorized');
    expect(await statusOf(reseller.id)).toEqual({ status: 'active', archived: false });
  });
});

describe('a clean reseller is archived', () => {
  test('its login and tokens stop, its history stays, its email and subdomain are free again', async () => {
    const sub = `gone-${uid()}`;
    const body = {
      partner_type: 'own_plans',
      name: `Closing Shop ${uid()}`,
      email: `closing-${uid()}@test.local`,
      phone: '+95 9 450 000 222',
      password: 'closing-pass-1',
      subdomain: sub,
    };
    const created = await call(createRoute, 'POST', '/api/admin/resellers', { token: adminToken, body });
    expect(created.status).toBe(201);
    const id = Number(created.json.id);
    const actor: Actor = { userId: id, role: 'reseller' };
    // A history: credit bought and refunded, a client on trial, a request still pending.
    await creditReseller(h.db, admin, id, { amount: 20_000, method: 'cash' });
    await creditReseller(h.db, admin, id, { amount: -20_000, note: 'Refunded' });
    await makeClient(h.db, actor);
    const pending = await fileTopupRequest(h.db, actor, { amount: 9_000, method: 'cash' });
    const token = String((await login(body.email, body.password)).json.token);
    expect((await call(profileRoute, 'GET', '/api/reseller/profile', { token })).status).toBe(200);
    const before = await countsOf(id);
    expect(before).toMatchObject({ ledger: 2, owned: 1 });

    const res = await del(id, { confirm: ` ${body.name} ` });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ id, status: 'archived' });
    expect(await statusOf(id)).toEqual({ status: 'archived', archived: true });

    // Locked out: the old token and a new login are both 401.
    expectError(await call(profileRoute, 'GET', '/api/reseller/profile', { token }), 401, 'unauthorized');
    expectError(await login(body.email, body.password), 401, 'invalid_credentials');

    // Nothing erased; one audit row more, with who and what.
    expect(await countsOf(id)).toEqual({ ...before, audit: before.audit + 1 });
    const [audit] = (
      await listAudit(h.db, admin, { page: 1, limit: 1, action: 'reseller.delete', target_type: 'reseller', target_id: String(id) })
    ).data;
    expect(audit).toMatchObject({
      actor_id: admin.userId,
      before: { name: body.name, email: body.email, subdomain: sub, clients: 1 },
      after: { status: 'archived' },
    });

    // Gone from the list, and a second delete finds nothing.
    const list = await call(listRoute, 'GET', '/api/admin/resellers', { token: adminToken, query: { search: body.name } });
    expect(list.json.pagination).toMatchObject({ total: 0 });
    expectError(await del(id, { confirm: body.name }), 404, 'not_found');

    // A pending request of a deleted reseller cannot be approved, only rejected.
    expect((await domainError(decideTopupRequest(h.db, admin, pending.id, { approve: true }))).code).toBe('conflict');
    expect((await decideTopupRequest(h.db, admin, pending.id, { approve: false, reason: 'Reseller closed' })).status).toBe('rejected');
    expect(await countsOf(id)).toMatchObject({ ledger: 2 });

    // The email and the subdomain can be used by a new reseller.
    const again = await call(createRoute, 'POST', '/api/admin/resellers', {
      token: adminToken,
      body: { ...body, name: `${body.name} II` },
    });
    expect(again.status).toBe(201);
    expect(again.json).toMatchObject({ email: body.email, subdomain: sub, status: 'active' });
    expect(Number(again.json.id)).not.toBe(id);
    const relogin = await login(body.email, body.password);
    expect(relogin.status).toBe(200);
    expect(relogin.json).toMatchObject({ reseller: { id: again.json.id } });
  });
});
