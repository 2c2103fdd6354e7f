// Admin read APIs (docs/ARCHITECTURE.md#rules-tenancy, #rules-security): the audit log, the resellers table's sort, the live subdomain check and
// the all-clients list. On the shared database: every query is scoped to this file's own rows.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { GET as auditRoute } from '@/app/api/admin/audit/route';
import { GET as adminClientsRoute } from '@/app/api/admin/clients/route';
import { GET as listResellersRoute } from '@/app/api/admin/resellers/route';
import { GET as subdomainRoute } from '@/app/api/admin/resellers/subdomain-check/route';
import type { DbHandle } from '@/db';
import type { Actor } from '@/lib/auth/permissions';
import { activatePackage } from '@/lib/services/activation';
import { listAudit } from '@/lib/services/audit';
import { listClients } from '@/lib/services/clients';
import { creditReseller } from '@/lib/services/credit';
import { checkSubdomain, createReseller } from '@/lib/services/resellers';
import { useTestDbForRoutes } from './helpers/db';
import { makeClient, makeReseller, uid } from './helpers/fixtures';
import { type ApiAnswer, call, expectError, fieldsOf } from './helpers/http';
import { assertLedgerInvariant } from './helpers/invariants';
import { adminWithToken, resellerWithToken } from './helpers/sessions';

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

const audit = (query: Record<string, string | number>, token = adminToken) => call(auditRoute, 'GET', '/api/admin/audit', { token, query });
type AuditRow = {
  id: number;
  action: string;
  actor_id: number;
  actor_email: string | null;
  target_type: string;
  target_id: string;
  before: unknown;
  after: unknown;
};
const rowsOf = (a: ApiAnswer) => a.json.data as AuditRow[];

describe('audit log', () => {
  test('a credit top-up and an activation are in the log with actor, target and before/after', async () => {
    const { reseller, actor } = await makeReseller(h.db, admin);
    const { client } = await makeClient(h.db, actor);
    const topup = await creditReseller(h.db, admin, reseller.id, { amount: 70_000, method: 'wavepay', reference: 'WP-55' });
    const sold = await activatePackage(h.db, actor, client.id, { package_type: 'starter_pro' });

    const [credit] = rowsOf(await audit({ action: 'reseller.credit_topup', target_id: String(reseller.id) }));
    expect(credit).toMatchObject({
      actor_id: admin.userId,
      actor_email: expect.stringContaining('@test.local'),
      target_type: 'reseller',
      before: { credit_balance: 0 },
      after: { credit_balance: 70_000, amount: 70_000, method: 'wavepay', reference: 'WP-55', ledger_entry_id: topup.ledger_entry.id },
    });
    const [activation] = rowsOf(await audit({ action: 'client.activate_package', target_type: 'client', target_id: String(client.id) }));
    expect(activation).toMatchObject({
      actor_id: reseller.id,
      actor_email: reseller.email,
      after: { subscription_id: sold.subscription.id, package_type: 'starter_pro', kind: 'new', price: 50_000, credit_balance: 20_000 },
    });
  });

  test('filters: an action prefix, the target type and id, the actor, and a time window', async () => {
    const before = new Date(Date.now() - 1_000).toISOString();
    const { reseller, actor } = await makeReseller(h.db, admin);
    await creditReseller(h.db, admin, reseller.id, { amount: 1_000, method: 'cash' });
    await creditReseller(h.db, admin, reseller.id, { amount: -400, note: 'correction' });
    const { client } = await makeClient(h.db, actor);
    const after = new Date(Date.now() + 1_000).toISOString();

    const ofReseller = rowsOf(await audit({ target_type: 'reseller', target_id: String(reseller.id) }));
    expect(ofReseller.map((r) => r.action)).toEqual(['reseller.credit_adjust', 'reseller.credit_topup', 'reseller.create']);
    const credits = rowsOf(await audit({ action: 'reseller.credit_', target_id: String(reseller.id) }));
    expect(credits.map((r) => r.action)).toEqual(['reseller.credit_adjust', 'reseller.credit_topup']);
    // The prefix is literal: LIKE wildcards in it match nothing special.
    expect(rowsOf(await audit({ action: 'reseller.%', target_id: String(reseller.id) }))).toEqual([]);
    expect(rowsOf(await audit({ action: 'reseller._redit', target_id: String(reseller.id) }))).toEqual([]);
    // By the reseller as actor: its client's creation, nothing of the admin's.
    const byReseller = rowsOf(await audit({ actor_id: reseller.id }));
    expect(byReseller.map((r) => [r.action, r.target_type, r.target_id])).toEqual([['client.create', 'client', String(client.id)]]);
    const clientRows = rowsOf(await audit({ target_type: 'client', target_id: String(client.id) }));
    expect(clientRows.every((r) => r.target_type === 'client')).toBe(true);
    expect(clientRows).toHaveLength(1);

    const window = { target_type: 'reseller', target_id: String(reseller.id) };
    expect(rowsOf(await audit({ ...window, from: before, to: after }))).toHaveLength(3);
    expect(rowsOf(await audit({ ...window, from: after }))).toEqual([]);
    expect(rowsOf(await audit({ ...window, to: before }))).toEqual([]);
    // A date-only `to` covers that whole day; one in the past finds nothing.
    expect(rowsOf(await audit({ ...window, to: '2999-12-31' }))).toHaveLength(3);
    expect(rowsOf(await audit({ ...window, to: '2000-01-01' }))).toEqual([]);
  });

  test('GET /api/admin/audit pages with the standard envelope; bad queries 400; a reseller token 401', async () => {
    const { reseller } = await makeReseller(h.db, admin);
    for (let i = 0; i < 3; i++) await creditReseller(h.db, admin, reseller.id, { amount: 100, method: 'cash', reference: `P${i}` });
    const first = await audit({ target_id: String(reseller.id), target_type: 'reseller', limit: 3 });
    expect(first.status).toBe(200);
    expect(Object.keys(first.json).sort()).toEqual(['data', 'pagination']);
    expect(first.json.pagination).toEqual({ page: 1, limit: 3, total: 4, pages: 2 });
    const second = await audit({ target_id: String(reseller.id), target_type: 'reseller', limit: 3, page: 2 });
    expect(rowsOf(second).map((r) => r.action)).toEqual(['reseller.create']);
    expect(new Set([...rowsOf(first), ...rowsOf(second)].map((r) => r.id)).size).toBe(4);
    // The service gives the same answer.
    const page = await listAudit(h.db, admin, { page: 1, limit: 3, target_type: 'reseller', target_id: String(reseller.id) });
    expect(page.data.map((r) => r.id)).toEqual(rowsOf(first).map((r) => r.id));

    expect(fieldsOf(expectError(await audit({ limit: 101 }), 400, 'validation_failed'))).toHaveProperty('limit');
    expect(fieldsOf(expectError(await audit({ from: 'yesterday' }), 400, 'validation_failed'))).toHaveProperty('from');
    expect(fieldsOf(expectError(await audit({ actor_id: 'me' }), 400, 'validation_failed'))).toHaveProperty('actor_id');
    const r = await resellerWithToken(h.db, admin);
    expectError(await audit({}, r.token), 401, 'unauthorized');
  });
});

describe('resellers table', () => {
  test('sorts by name, credit balance and clients count, both ways', async () => {
    const tag = `sort${uid()}`;
    const specs = [
      { name: `${tag} Bravo`, credit: 30_000, clients: 0 },
      { name: `${tag} Alpha`, credit: 10_000, clients: 2 },
      { name: `${tag} Charlie`, credit: 20_000, clients: 1 },
    ];
    for (const s of specs) {
      const id = uid();
      const r = await createReseller(h.db, admin, {
        partner_type: 'own_plans',
        name: s.name,
        email: `sort-${id}@test.local`,
        phone: '+95 9 450 000 333',
        password: 'sort-pass-1',
        subdomain: `sort-${id}`,
      });
      await creditReseller(h.db, admin, r.id, { amount: s.credit, method: 'cash' });
      for (let i = 0; i < s.clients; i++) await makeClient(h.db, { userId: r.id, role: 'reseller' });
    }
    const names = async (sort: string, dir: string) => {
      const res = await call(listResellersRoute, 'GET', '/api/admin/resellers', { token: adminToken, query: { search: tag, sort, dir } });
      expect(res.status).toBe(200);
      return (res.json.data as { name: string }[]).map((r) => r.name.slice(tag.length + 1));
    };
    expect(await names('name', 'asc')).toEqual(['Alpha', 'Bravo', 'Charlie']);
    expect(await names('name', 'desc')).toEqual(['Charlie', 'Bravo', 'Alpha']);
    expect(await names('credit_balance', 'asc')).toEqual(['Alpha', 'Charlie', 'Bravo']);
    expect(await names('credit_balance', 'desc')).toEqual(['Bravo', 'Charlie', 'Alpha']);
    expect(await names('clients_count', 'desc')).toEqual(['Alpha', 'Charlie', 'Bravo']);
    expect(await names('clients_count', 'asc')).toEqual(['Bravo', 'Charlie', 'Alpha']);
    const res = await call(listResellersRoute, 'GET', '/api/admin/resellers', {
      token: adminToken,
      query: { search: tag, sort: 'clients_count' },
    });
    expect((res.json.data as { clients_count: number }[]).map((r) => r.clients_count)).toEqual([2, 1, 0]);
    for (const query of [{ sort: 'password' }, { dir: 'up' }] as Record<string, string>[]) {
      expectError(await call(listResellersRoute, 'GET', '/api/admin/resellers', { token: adminToken, query }), 400, 'validation_failed');
    }
  });
});

describe('GET /api/admin/resellers/subdomain-check', () => {
  const check = (query: Record<string, string | number>, token = adminToken) =>
    call(subdomainRoute, 'GET', '/api/admin/resellers/subdomain-check', { token, query });

  test("taken, reserved, invalid or available; a reseller's own subdomain is available to it", async () => {
    const { reseller } = await makeReseller(h.db, admin);
    const taken = await check({ subdomain: reseller.subdomain });
    expect(taken.status).toBe(200);
    expect(taken.json).toEqual({ subdomain: reseller.subdomain, available: false, reason: expect.stringMatching(/taken/i) });
    expect((await check({ subdomain: reseller.subdomain.toUpperCase() })).json).toMatchObject({
      subdomain: reseller.subdomain,
      available: false,
    });
    for (const word of ['admin', 'www', 'api', 'app']) {
      expect((await check({ subdomain: word })).json).toEqual({
        subdomain: word,
        available: false,
        reason: expect.stringMatching(/reserved/i),
      });
    }
    for (const bad of ['-edge', 'edge-', 'has space', 'under_score', 'x', 'a'.repeat(41), '']) {
      expect((await check({ subdomain: bad })).json, bad).toMatchObject({ available: false, reason: expect.any(String) });
    }
    const fresh = `free-${uid()}`;
    expect((await check({ subdomain: fresh })).json).toEqual({ subdomain: fresh, available: true, reason: null });
    expect((await check({ subdomain: `  ${fresh.toUpperCase()} ` })).json).toEqual({ subdomain: fresh, available: true, reason: null });
    // Editing a reseller: its own subdomain is fine for it, and only for it.
    expect((await check({ subdomain: reseller.subdomain, except: reseller.id })).json).toMatchObject({ available: true, reason: null });
    const other = await makeReseller(h.db, admin);
    expect((await check({ subdomain: reseller.subdomain, except: other.reseller.id })).json).toMatchObject({ available: false });
    expect(await checkSubdomain(h.db, admin, reseller.subdomain, reseller.id)).toMatchObject({ available: true });
  });

  test('a missing subdomain is 400; a reseller token is 401', async () => {
    expect(fieldsOf(expectError(await check({}), 400, 'validation_failed'))).toHaveProperty('subdomain');
    const r = await resellerWithToken(h.db, admin);
    expectError(await check({ subdomain: 'anything' }, r.token), 401, 'unauthorized');
  });
});

describe('GET /api/admin/clients', () => {
  test("reseller_id gives only that reseller's clients, each with its reseller_name", async () => {
    const a = await resellerWithToken(h.db, admin);
    const b = await resellerWithToken(h.db, admin);
    const aIds = [(await makeClient(h.db, a.actor)).client.id, (await makeClient(h.db, a.actor)).client.id];
    const bId = (await makeClient(h.db, b.actor)).client.id;
    const list = (query: Record<string, string | number>, token = adminToken) =>
      call(adminClientsRoute, 'GET', '/api/admin/clients', { token, query });

    const onlyA = await list({ reseller_id: a.id });
    expect(onlyA.status).toBe(200);
    expect(onlyA.json.pagination).toEqual({ page: 1, limit: 20, total: 2, pages: 1, next_cursor: null });
    const rows = onlyA.json.data as { id: number; reseller_id: number; reseller_name: string }[];
    expect(rows.map((c) => c.id).sort()).toEqual([...aIds].sort());
    for (const c of rows) expect(c).toMatchObject({ reseller_id: a.id, reseller_name: a.reseller.name });
    expect((await list({ reseller_id: b.id })).json.data as { id: number; reseller_name: string }[]).toEqual([
      expect.objectContaining({ id: bId, reseller_name: b.reseller.name }),
    ]);
    expect((await list({ reseller_id: a.id, status: 'active' })).json.data).toEqual([]);
    expect(fieldsOf(expectError(await list({ reseller_id: 'abc' }), 400, 'validation_failed'))).toHaveProperty('reseller_id');
    expectError(await list({ reseller_id: a.id }, a.token), 401, 'unauthorized');
    // A reseller's own list ignores reseller_id: tenancy wins.
    const own = await listClients(h.db, a.actor, { page: 1, limit: 20, reseller_id: b.id });
    expect(own.data.map((c) => c.id).sort()).toEqual([...aIds].sort());
  });
});
