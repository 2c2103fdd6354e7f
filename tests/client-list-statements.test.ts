// What a client-list page costs the database (issue 12, docs/scaling.md#costs): its rows, its total, the
// settings and ONE statement for all the rows' subscriptions, paid-until, reseller names and usage counters —
// four statements whatever the page size, none reading the message log — and the views they make are right
// (the current package, the trial's limits, today's and the period's counters). The price list is one statement.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DbHandle } from '@/db';
import type { Actor } from '@/lib/auth/permissions';
import { activatePackage } from '@/lib/services/activation';
import { listClients } from '@/lib/services/clients';
import { resellerCatalog } from '@/lib/services/pricing';
import { getSettings } from '@/lib/services/settings';
import { takeQuota } from '@/lib/services/usage';
import { useTestDbForRoutes } from './helpers/db';
import { makeAdmin, makeClient, makeReseller } from './helpers/fixtures';
import { logStatements } from './helpers/statements';

let h: DbHandle;
let reseller: Actor;
let resellerName: string;
const ids: Record<'active' | 'trial' | 'idle', number> = { active: 0, trial: 0, idle: 0 };
beforeAll(async () => {
  h = await useTestDbForRoutes();
  const admin = await makeAdmin(h.db);
  const r = await makeReseller(h.db, admin, { credit: 1_000_000 });
  reseller = r.actor;
  resellerName = r.reseller.name;
  for (const k of ['idle', 'trial', 'active'] as const) ids[k] = (await makeClient(h.db, reseller)).client.id;
  await activatePackage(h.db, reseller, ids.active, { package_type: 'starter_pro' });
  // Usage in each client's counters, at the period start the list itself shows (the package's, else sign-up).
  const { time_zone: timeZone } = await getSettings(h.db);
  const now = new Date();
  const listed = new Map((await listClients(h.db, reseller, { page: 1, limit: 20 })).data.map((c) => [c.id, c]));
  const take = (clientId: number, count: number, periodStart: string | undefined) =>
    takeQuota(h.db, { clientId, count, dailyLimit: 1_000, periodLimit: 10_000, periodStart: new Date(periodStart ?? 0), now, timeZone });
  await take(ids.active, 3, listed.get(ids.active)?.package?.starts_at);
  await take(ids.trial, 2, listed.get(ids.trial)?.created_at);
});
afterAll(async () => {
  await h.close();
});

describe('a page of the client list', () => {
  test('is four statements (rows, total, settings, the rows’ views), none reading the messages', async () => {
    const { result, log } = await logStatements(h.db, () => listClients(h.db, reseller, { page: 1, limit: 20 }));
    expect(log.inTx).toEqual([]);
    expect(log.outside).toHaveLength(4);
    for (const s of log.outside) expect(s).not.toMatch(/"?messages"?\b|message_recipients/);
    expect(result.pagination.total).toBe(3);
    const byId = new Map(result.data.map((c) => [c.id, c]));
    const active = byId.get(ids.active);
    expect(active).toMatchObject({ status: 'active', reseller_name: resellerName, usage: { today: 3, period: 3 } });
    expect(active?.package?.package_type).toBe('starter_pro');
    expect(active?.paid_until).toBe(active?.package?.ends_at);
    expect(active?.expires_at).toBe(active?.package?.ends_at);
    const settings = await getSettings(h.db);
    expect(byId.get(ids.trial)).toMatchObject({
      status: 'trial',
      package: null,
      paid_until: null,
      usage: { today: 2, period: 2, daily_limit: settings.trial_daily_limit, period_limit: settings.trial_period_limit },
    });
    expect(byId.get(ids.idle)?.usage).toMatchObject({ today: 0, period: 0 });
  });

  test('a bigger page is still four statements', async () => {
    const { log } = await logStatements(h.db, () => listClients(h.db, reseller, { page: 1, limit: 100, sort: 'expiry', dir: 'asc' }));
    expect(log.outside).toHaveLength(4);
  });

  test('the price list is one statement', async () => {
    const { result, log } = await logStatements(h.db, () => resellerCatalog(h.db, reseller.userId));
    expect(log.outside).toHaveLength(1);
    expect(result.map((p) => p.package_type)).toContain('starter_pro');
  });
});
