// Issue 10 items 10-11: the ledger names the client each entry is about, downloads are dated in the platform
// time zone, and the audit log reads for people (labels, names, changed fields, a filter by actor name).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DbHandle } from '@/db';
import { auditActionLabel, auditChanges } from '@/lib/audit-labels';
import type { Actor } from '@/lib/auth/permissions';
import { activatePackage } from '@/lib/services/activation';
import { listAudit } from '@/lib/services/audit';
import { deviceNameOf } from '@/lib/services/client-devices';
import { updateClient } from '@/lib/services/clients';
import { resellerLedger } from '@/lib/services/credit';
import { resellerLedgerExport } from '@/lib/services/ledger-export';
import { zonedToday } from '@/lib/time';
import { openTestDb } from './helpers/db';
import { makeAdmin, makeClient, makeReseller } from './helpers/fixtures';
import { gatewayClient, gatewayLogin, registerPhone } from './helpers/gateway';

let h: DbHandle;
let admin: Actor;
beforeAll(async () => {
  h = await openTestDb();
  admin = await makeAdmin(h.db);
});
afterAll(async () => {
  await h.close();
});

describe('ledger', () => {
  test('entries about a client carry its name, in the list and in the export', async () => {
    const r = await makeReseller(h.db, admin, { credit: 100_000 });
    const { client } = await makeClient(h.db, r.actor);
    await activatePackage(h.db, r.actor, client.id, { package_type: 'starter_pro' });
    const page = await resellerLedger(h.db, r.actor, r.reseller.id, { page: 1, limit: 10 });
    expect(page.data[0]).toMatchObject({ kind: 'activation', client_id: client.id, client_name: client.name });
    expect(page.data[1]).toMatchObject({ kind: 'topup', client_id: null, client_name: null });
    const rows = [];
    for await (const batch of await resellerLedgerExport(h.db, r.actor, r.reseller.id, {})) rows.push(...batch);
    expect(rows[0]).toMatchObject({ client_name: client.name });
  });

  test('a download is dated by the platform time zone, not UTC', () => {
    // 20:00 UTC on 1 March is 02:30 on 2 March in Yangon.
    expect(zonedToday('Asia/Yangon', new Date('2026-03-01T20:00:00Z'))).toBe('2026-03-02');
    expect(zonedToday('UTC', new Date('2026-03-01T20:00:00Z'))).toBe('2026-03-01');
  });
});

describe('message detail', () => {
  test('names the sending phone for its own client only', async () => {
    const c = await gatewayClient(h.db, admin);
    const phone = await registerPhone(h.db, await gatewayLogin(h.db, c.actor), 'Counter phone');
    expect(await deviceNameOf(h.db, c.actor, phone.id)).toEqual({ name: 'Counter phone', removed: false });
    const other = await gatewayClient(h.db, admin);
    expect(await deviceNameOf(h.db, other.actor, phone.id)).toBeNull();
  });
});

describe('audit log', () => {
  test('labels and changed fields', () => {
    expect(auditActionLabel('client.activate_package')).toBe('Package activated');
    expect(auditActionLabel('something.new_here')).toBe('Something new here');
    expect(auditChanges({ name: 'A', phone: '+959420000001', auto_renew: false }, { name: 'B', auto_renew: false })).toEqual([
      { field: 'name', before: 'A', after: 'B' },
    ]);
    expect(auditChanges(null, { amount: 500000, method: 'kbzpay' })).toEqual([
      { field: 'amount', before: '', after: '500,000' },
      { field: 'method', before: '', after: 'kbzpay' },
    ]);
    expect(auditChanges(null, null)).toEqual([]);
  });

  test('entries name the actor and the target; the actor filter matches a name or email', async () => {
    const r = await makeReseller(h.db, admin);
    const { client } = await makeClient(h.db, r.actor);
    await updateClient(h.db, r.actor, client.id, { name: 'Renamed Shop' });
    const byName = await listAudit(h.db, admin, { page: 1, limit: 10, actor: r.reseller.name.toUpperCase(), action: 'client.update' });
    expect(byName.data).toHaveLength(1);
    expect(byName.data[0]).toMatchObject({
      actor_name: r.reseller.name,
      actor_email: r.reseller.email,
      target_type: 'client',
      target_id: String(client.id),
      target_name: 'Renamed Shop',
    });
    expect(auditChanges(byName.data[0].before, byName.data[0].after)).toEqual([
      { field: 'name', before: client.name, after: 'Renamed Shop' },
    ]);
    expect((await listAudit(h.db, admin, { page: 1, limit: 10, actor: 'nobody-like-this' })).data).toEqual([]);
  });
});
