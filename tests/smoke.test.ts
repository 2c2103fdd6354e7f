import { afterAll, beforeAll, expect, test } from 'vitest';
import type { DbHandle } from '@/db';
import { activatePackage } from '@/lib/services/activation';
import { openTestDb } from './helpers/db';
import { makeAdmin, makeClient, makeReseller } from './helpers/fixtures';

let h: DbHandle;
beforeAll(async () => { h = await openTestDb(); });
afterAll(async () => { await h.close(); });

test('a reseller activates starter_pro for a client', async () => {
  const admin = await makeAdmin(h.db);
  const { actor } = await makeReseller(h.db, admin, { credit: 120_000 });
  const { client } = await makeClient(h.db, actor);
  expect(client.status).toBe('trial');
  const res = await activatePackage(h.db, actor, client.id, { package_type: 'starter_pro' });
  expect(res.credit_balance).toBe(70_000);
  expect(res.client.status).toBe('active');
});
