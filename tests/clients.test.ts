// Client accounts (docs/ARCHITECTURE.md#rules-money, #rules-tenancy): create, update, list with search / status / paging, suspend.
import { asc, count, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { DbHandle } from '@/db';
import { apiTokens, auditLog, clients, subscriptions, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { activatePackage } from '@/lib/services/activation';
import { actorFromToken, loginWithPassword, verifyCredentials } from '@/lib/services/auth';
import { createClient, getClient, listClients, setClientSuspended, updateClient } from '@/lib/services/clients';
import { type ClientStatus, createClientInput, listClientsQuery } from '@/lib/validation/clients';
import { openTestDb } from './helpers/db';
import { domainError } from './helpers/errors';
import { makeAdmin, makeClient, makeReseller, uid } from './helpers/fixtures';
import { assertLedgerInvariant } from './helpers/invariants';

const DAY = 86_400_000;
const t0 = new Date('2026-05-10T12:00:00.000Z');

let h: DbHandle;
let admin: Actor;
beforeAll(async () => {
  h = await openTestDb();
  admin = await makeAdmin(h.db);
});
afterEach(async () => {
  await assertLedgerInvariant(h.db);
});
afterAll(async () => {
  await h.close();
});

const query = (q: Record<string, unknown>) => listClientsQuery.parse(q);
const newClient = (actor: Actor, fields: { name: string; email?: string; phone?: string; trial_days?: number }) =>
  createClient(h.db, actor, createClientInput.parse({ password: 'client-pass-1', email: `c-${uid()}@test.local`, ...fields }), t0);

/** Every stored column of a client and its user, and how many subscriptions it has. */
async function clientRow(id: number) {
  const [u] = await h.db.select().from(users).where(eq(users.id, id));
  const [c] = await h.db.select().from(clients).where(eq(clients.id, id));
  const [{ subs }] = await h.db.select({ subs: count() }).from(subscriptions).where(eq(subscriptions.clientId, id));
  return { u, c, subs };
}

describe('listClients', () => {
  test('search matches name, email and phone, case-insensitively', async () => {
    const { actor } = await makeReseller(h.db, admin);
    const a = await newClient(actor, { name: 'Golden Rice Trading', phone: '+95 9 555 0101' });
    const b = await newClient(actor, { name: 'Shwe Taung', email: `sales-${uid()}@shwetaung.example` });
    const c = await newClient(actor, { name: 'Mandalay Motors', phone: '+95 9 777 0202' });
    const ids = async (search: string) => (await listClients(h.db, actor, query({ search }), t0)).data.map((x) => x.id);
    expect(await ids('golden rice')).toEqual([a.id]);
    expect(await ids('SHWETAUNG.EXAMPLE')).toEqual([b.id]);
    expect(await ids('777 0202')).toEqual([c.id]);
    expect(await ids('nothing like this')).toEqual([]);
  });

  test('% and _ in a search are literal characters, not wildcards', async () => {
    const { actor } = await makeReseller(h.db, admin);
    const pct = await newClient(actor, { name: 'Promo 50% Off' });
    await newClient(actor, { name: 'Promo 500 Off' });
    const und = await newClient(actor, { name: 'a_b Shop' });
    await newClient(actor, { name: 'axb Shop' });
    const ids = async (search: string) => (await listClients(h.db, actor, query({ search }), t0)).data.map((x) => x.id);
    expect(await ids('50%')).toEqual([pct.id]);
    expect(await ids('a_b')).toEqual([und.id]);
    expect(await ids('%')).toEqual([pct.id]);
  });

  test('the status filter follows the derived status at `now`', async () => {
    const { actor } = await makeReseller(h.db, admin, { credit: 100_000 });
    const trial = await newClient(actor, { name: 'In trial' });
    const active = await newClient(actor, { name: 'Paid' });
    await activatePackage(h.db, actor, active.id, { package_type: 'starter_pro' }, t0);
    const expired = await newClient(actor, { name: 'No trial', trial_days: 0 });
    const suspended = await newClient(actor, { name: 'Paid then suspended' });
    await activatePackage(h.db, actor, suspended.id, { package_type: 'starter_pro' }, t0);
    await setClientSuspended(h.db, actor, suspended.id, true, t0);

    const byStatus = async (status: ClientStatus, now: Date) => {
      const page = await listClients(h.db, actor, query({ status }), now);
      for (const c of page.data) expect(c.status).toBe(status);
      return page.data.map((x) => x.id).sort((x, y) => x - y);
    };
    expect(await byStatus('trial', t0)).toEqual([trial.id]);
    expect(await byStatus('active', t0)).toEqual([active.id]);
    expect(await byStatus('expired', t0)).toEqual([expired.id]);
    expect(await byStatus('suspended', t0)).toEqual([suspended.id]);
    // Four days later the trial is over; the paid client is still active.
    const later = new Date(t0.getTime() + 4 * DAY);
    expect(await byStatus('trial', later)).toEqual([]);
    expect(await byStatus('expired', later)).toEqual([trial.id, expired.id].sort((x, y) => x - y));
    expect(await byStatus('active', later)).toEqual([active.id]);
  });

  test('pagination reports total and pages; pages hold the right rows, newest first', async () => {
    const { actor } = await makeReseller(h.db, admin);
    const made: number[] = [];
    for (let i = 0; i < 5; i++) made.push((await newClient(actor, { name: `Paged ${i}` })).id);
    const p1 = await listClients(h.db, actor, query({ limit: 2 }), t0);
    expect(p1.pagination).toEqual({ page: 1, limit: 2, total: 5, pages: 3, next_cursor: expect.any(String) });
    const p3 = await listClients(h.db, actor, query({ limit: 2, page: 3 }), t0);
    expect(p3.pagination).toEqual({ page: 3, limit: 2, total: 5, pages: 3, next_cursor: null });
    const all = [...p1.data, ...(await listClients(h.db, actor, query({ limit: 2, page: 2 }), t0)).data, ...p3.data];
    expect(all.map((c) => c.id)).toEqual([...made].reverse());
    const filtered = await listClients(h.db, actor, query({ limit: 2, search: 'Paged 3' }), t0);
    expect(filtered.pagination).toEqual({ page: 1, limit: 2, total: 1, pages: 1, next_cursor: null });
  });

  test('a reseller lists only its own clients; the admin sees any', async () => {
    const a = await makeReseller(h.db, admin);
    const b = await makeReseller(h.db, admin);
    const mine = await newClient(a.actor, { name: 'Tenant A client' });
    expect((await listClients(h.db, b.actor, query({}), t0)).pagination.total).toBe(0);
    expect((await listClients(h.db, a.actor, query({}), t0)).data.map((c) => c.id)).toEqual([mine.id]);
    expect((await getClient(h.db, admin, mine.id, t0)).reseller_id).toBe(a.reseller.id);
  });
});

describe('cross-tenant access', () => {
  test("reseller B gets not_found for A's client on get, update, suspend and activate; nothing changes", async () => {
    const a = await makeReseller(h.db, admin, { credit: 100_000 });
    const b = await makeReseller(h.db, admin, { credit: 100_000 });
    const { client } = await makeClient(h.db, a.actor, { now: t0 });
    const before = await clientRow(client.id);
    const [{ audits }] = await h.db.select({ audits: count() }).from(auditLog).where(eq(auditLog.actorId, b.reseller.id));

    const attempts = [
      () => getClient(h.db, b.actor, client.id, t0),
      () => updateClient(h.db, b.actor, client.id, { name: 'Taken over', email: `x-${uid()}@test.local`, password: 'hijack-1' }, t0),
      () => setClientSuspended(h.db, b.actor, client.id, true, t0),
      () => setClientSuspended(h.db, b.actor, client.id, false, t0),
      () => activatePackage(h.db, b.actor, client.id, { package_type: 'starter_pro' }, t0),
    ];
    for (const attempt of attempts) expect((await domainError(attempt())).code).toBe('not_found');

    expect(await clientRow(client.id)).toEqual(before);
    const [{ audits: after }] = await h.db.select({ audits: count() }).from(auditLog).where(eq(auditLog.actorId, b.reseller.id));
    expect(after).toBe(audits);
    expect(await verifyCredentials(h.db, { email: before.u.email, password: 'client-pass-1' })).toMatchObject({ id: client.id });
  });
});

describe('createClient / updateClient', () => {
  test('email is unique across all users, case-insensitively', async () => {
    const { actor, reseller } = await makeReseller(h.db, admin);
    const first = await newClient(actor, { name: 'First', email: `dup-${uid()}@test.local` });
    const err = await domainError(
      createClient(h.db, actor, { name: 'Second', email: first.email.toUpperCase(), password: 'client-pass-1' }, t0),
    );
    expect(err.code).toBe('email_taken');
    expect(err.details).toEqual({ fields: { email: [expect.any(String)] } });
    // A reseller's own login email is taken too.
    expect((await domainError(newClient(actor, { name: 'Third', email: reseller.email.toUpperCase() }))).code).toBe('email_taken');

    const other = await newClient(actor, { name: 'Other' });
    const upd = await domainError(updateClient(h.db, actor, other.id, { email: first.email.toUpperCase() }, t0));
    expect(upd.code).toBe('email_taken');
    expect((await clientRow(other.id)).u.email).toBe(other.email);
    // Re-saving one's own email in another case is not a conflict.
    const same = await updateClient(h.db, actor, first.id, { email: first.email.toUpperCase() }, t0);
    expect(same.id).toBe(first.id);
  });

  test('update changes the fields given and leaves the rest', async () => {
    const { actor } = await makeReseller(h.db, admin);
    const c = await newClient(actor, { name: 'Before', phone: '+95 9 111 2222' });
    const after = await updateClient(h.db, actor, c.id, { name: 'After', country: 'MM', auto_renew: true }, t0);
    expect(after).toMatchObject({
      name: 'After',
      phone: '+9591112222',
      email: c.email,
      country: 'MM',
      auto_renew: true,
      status: 'trial',
    });
    const cleared = await updateClient(h.db, actor, c.id, { phone: null }, t0);
    expect(cleared.phone).toBeNull();
    expect(cleared.name).toBe('After');
  });

  test('a password change bumps session_version and revokes login tokens', async () => {
    const { actor } = await makeReseller(h.db, admin);
    const { client, password } = await makeClient(h.db, actor, { now: t0 });
    const login = await loginWithPassword(h.db, { email: client.email, password }, 'client');
    expect((await actorFromToken(h.db, login.token, 'client', null)).userId).toBe(client.id);
    const before = await clientRow(client.id);

    await updateClient(h.db, actor, client.id, { password: 'brand-new-pass' }, t0);

    const after = await clientRow(client.id);
    expect(after.u.sessionVersion).toBe(before.u.sessionVersion + 1);
    expect(after.u.passwordHash).not.toBe(before.u.passwordHash);
    const tokens = await h.db.select().from(apiTokens).where(eq(apiTokens.userId, client.id)).orderBy(asc(apiTokens.id));
    expect(tokens.map((t) => t.revokedAt !== null)).toEqual([true]);
    expect((await domainError(actorFromToken(h.db, login.token, 'client', null))).code).toBe('unauthorized');
    expect((await domainError(verifyCredentials(h.db, { email: client.email, password }))).code).toBe('invalid_credentials');
    expect((await verifyCredentials(h.db, { email: client.email, password: 'brand-new-pass' })).id).toBe(client.id);
  });

  test('an update without a password keeps sessions; a login token ends at its expiry', async () => {
    const { actor } = await makeReseller(h.db, admin);
    const { client, password } = await makeClient(h.db, actor, { now: t0 });
    const login = await loginWithPassword(h.db, { email: client.email, password }, 'client');
    const before = await clientRow(client.id);
    await updateClient(h.db, actor, client.id, { name: 'Renamed' }, t0);
    expect((await clientRow(client.id)).u.sessionVersion).toBe(before.u.sessionVersion);
    const expiry = new Date(login.expires_at);
    expect((await actorFromToken(h.db, login.token, 'client', null, new Date(expiry.getTime() - 1))).userId).toBe(client.id);
    expect((await domainError(actorFromToken(h.db, login.token, 'client', null, expiry))).code).toBe('unauthorized');
  });
});

describe('setClientSuspended', () => {
  test('suspends and unsuspends; a suspended client cannot sign in and its sessions end', async () => {
    const { actor } = await makeReseller(h.db, admin);
    const { client, password } = await makeClient(h.db, actor, { now: t0 });
    const login = await loginWithPassword(h.db, { email: client.email, password }, 'client');
    const before = await clientRow(client.id);

    const s = await setClientSuspended(h.db, actor, client.id, true, t0);
    expect(s.status).toBe('suspended');
    expect((await clientRow(client.id)).u.sessionVersion).toBe(before.u.sessionVersion + 1);
    expect((await domainError(verifyCredentials(h.db, { email: client.email, password }))).code).toBe('account_suspended');
    expect((await domainError(actorFromToken(h.db, login.token, 'client', null))).code).toBe('account_suspended');

    // Suspending twice is a no-op: one audit row, not two.
    await setClientSuspended(h.db, actor, client.id, true, t0);
    const audits = await h.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.targetId, String(client.id)));
    expect(audits.filter((a) => a.action === 'client.suspend')).toHaveLength(1);

    const u = await setClientSuspended(h.db, actor, client.id, false, t0);
    expect(u.status).toBe('trial');
    expect((await verifyCredentials(h.db, { email: client.email, password })).id).toBe(client.id);
    // The login token of before the suspension stays revoked.
    expect((await domainError(actorFromToken(h.db, login.token, 'client', null))).code).toBe('unauthorized');
  });
});

test('expires_at is the date that matters: trial end, then paid-until; none for a suspended trial client', async () => {
  const { actor } = await makeReseller(h.db, admin, { credit: 50_000 });
  const { client } = await makeClient(h.db, actor, { now: t0 });
  expect(client.expires_at).toBe(client.trial_ends_at);
  const expired = await getClient(h.db, actor, client.id, new Date(t0.getTime() + 5 * DAY));
  expect(expired).toMatchObject({ status: 'expired', expires_at: client.trial_ends_at });
  const res = await activatePackage(h.db, actor, client.id, { package_type: 'starter_pro' }, t0);
  expect(res.client.expires_at).toBe(res.subscription.ends_at);
  const suspended = await setClientSuspended(h.db, actor, client.id, true, t0);
  expect(suspended.expires_at).toBe(res.subscription.ends_at);
  const trialOnly = await makeClient(h.db, actor, { now: t0 });
  const s2 = await setClientSuspended(h.db, actor, trialOnly.client.id, true, t0);
  expect(s2.expires_at).toBeNull();
});
