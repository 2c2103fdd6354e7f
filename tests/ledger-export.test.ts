import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { DbHandle } from '@/db';
import { ledgerEntries } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { csvLine } from '@/lib/csv';
import { creditReseller, resellerLedger } from '@/lib/services/credit';
import { resellerLedgerExport } from '@/lib/services/ledger-export';
import { adjustCreditForm, editResellerForm } from '@/lib/validation/reseller-forms';
import { openTestDb } from './helpers/db';
import { makeAdmin, makeReseller } from './helpers/fixtures';

let h: DbHandle;
let admin: Actor;
beforeAll(async () => {
  h = await openTestDb();
  admin = await makeAdmin(h.db);
});
afterAll(async () => {
  await h.close();
});

test('export yields every row in order across batches, with same-timestamp rows', async () => {
  const { reseller } = (await makeReseller(h.db, admin)) as unknown as { reseller: { id: number } };
  const id = reseller?.id ?? ((await makeReseller(h.db, admin)) as unknown as { id: number }).id;
  // all inside one transaction → identical created_at
  await h.db.transaction(async (tx) => {
    for (let i = 1; i <= 7; i++) await creditReseller(tx, admin, id, { amount: i * 100 });
  });
  for (let i = 1; i <= 5; i++) await creditReseller(h.db, admin, id, { amount: 1 });
  await creditReseller(h.db, admin, id, { amount: -3, note: 'fix' });
  const all: number[] = [];
  for await (const b of await resellerLedgerExport(h.db, admin, id, {}, 3)) all.push(...b.map((r) => r.id));
  const page = await resellerLedger(h.db, admin, id, { page: 1, limit: 100 });
  expect(all).toEqual(page.data.map((r) => r.id));
  expect(all.length).toBe(13);
  const adj: string[] = [];
  for await (const b of await resellerLedgerExport(h.db, admin, id, { kind: 'adjustment' }, 3)) adj.push(...b.map((r) => r.kind));
  expect(adj).toEqual(['adjustment']);
  const none: number[] = [];
  for await (const b of await resellerLedgerExport(h.db, admin, id, { from: new Date(Date.now() + 86400000).toISOString() }))
    none.push(b.length);
  expect(none).toEqual([]);
  void ledgerEntries;
  void sql;
});

test('csv and forms', () => {
  expect(csvLine(['a,b', '=1+2', -5, null, 'say "hi"'])).toBe('"a,b",\'=1+2,-5,,"say ""hi"""\r\n');
  const r = editResellerForm.safeParse({
    reseller_id: '3',
    partner_type: 'own_plans',
    name: 'X',
    email: 'x@y.com',
    phone: '+95 9 123 456',
    subdomain: 'abc',
    password: 'abcdef',
    password_confirmation: 'nope',
  });
  expect(r.success).toBe(false);
  const ok = editResellerForm.parse({
    reseller_id: '3',
    partner_type: 'own_plans',
    name: 'X',
    email: 'x@y.com',
    phone: '+95 9 123 456',
    subdomain: 'abc',
    website: '',
  });
  expect('website' in ok).toBe(true);
  expect(adjustCreditForm.safeParse({ reseller_id: '1', amount: 5, reason: ' ' }).success).toBe(false);
});
