// Issue 10 item 3: the same payment credited twice. An admin top-up, or a top-up request's approval, whose
// method and reference were already credited is refused with 409 duplicate_reference naming the earlier
// ledger entry, unless the admin confirms it on purpose (allow_duplicate_reference: true).
import { and, count, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { POST as creditRoute } from '@/app/api/admin/resellers/[id]/credit/route';
import { POST as approveRoute } from '@/app/api/admin/topup-requests/[id]/approve/route';
import { type DbHandle, setDbHandle } from '@/db';
import { ledgerEntries, resellers } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { DomainError } from '@/lib/errors';
import { creditReseller } from '@/lib/services/credit';
import { fileTopupRequest } from '@/lib/services/topups';
import { onPostgres, openTestDb } from './helpers/db';
import { makeReseller, uid } from './helpers/fixtures';
import { call, expectError } from './helpers/http';
import { assertLedgerInvariant } from './helpers/invariants';
import { adminWithToken } from './helpers/sessions';

let h: DbHandle;
let admin: Actor;
let adminToken: string;
beforeAll(async () => {
  h = await openTestDb({ max: 12 });
  setDbHandle(h);
  ({ actor: admin, token: adminToken } = await adminWithToken(h.db));
});
afterEach(async () => {
  await assertLedgerInvariant(h.db);
});
afterAll(async () => {
  await h.close();
});

const credit = (resellerId: number, body: unknown) => call(creditRoute, 'POST', '/credit', { token: adminToken, id: resellerId, body });
const balanceOf = async (id: number) => (await h.db.select().from(resellers).where(eq(resellers.id, id)))[0].creditBalance;
const topupsWith = async (reference: string) =>
  (
    await h.db
      .select({ n: count() })
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.kind, 'topup'), eq(ledgerEntries.reference, reference)))
  )[0].n;

describe('admin top-up', () => {
  test('a method and reference credited before is 409 duplicate_reference naming the earlier entry; nothing moves', async () => {
    const a = await makeReseller(h.db, admin);
    const b = await makeReseller(h.db, admin);
    const ref = `KBZ-${uid()}`;
    const first = await credit(a.reseller.id, { amount: 500_000, method: 'kbzpay', reference: ref });
    expect(first.status).toBe(201);
    const entryId = (first.json.ledger_entry as { id: number }).id;
    // The same payment for another reseller, typed with other case and spaces, is the same payment.
    const again = await credit(b.reseller.id, { amount: 500_000, method: 'kbzpay', reference: ` ${ref.toLowerCase()} ` });
    const details = expectError(again, 409, 'duplicate_reference');
    expect(details).toMatchObject({ ledger_entry_id: entryId, reseller_id: a.reseller.id, amount: 500_000, method: 'kbzpay' });
    expect(again.json.error?.message).toContain(`ledger entry #${entryId}`);
    expect(again.json.error?.message).toContain('500,000 MMK');
    expect(await balanceOf(b.reseller.id)).toBe(0);
  });

  test('allow_duplicate_reference: true credits it on purpose; another method or no reference is not a duplicate', async () => {
    const a = await makeReseller(h.db, admin);
    const ref = `WAVE-${uid()}`;
    expect((await credit(a.reseller.id, { amount: 1000, method: 'wavepay', reference: ref })).status).toBe(201);
    expect((await credit(a.reseller.id, { amount: 1000, method: 'kbzpay', reference: ref })).status).toBe(201);
    expect((await credit(a.reseller.id, { amount: 1000, method: 'wavepay' })).status).toBe(201);
    expect((await credit(a.reseller.id, { amount: 1000, method: 'wavepay' })).status).toBe(201);
    expectError(await credit(a.reseller.id, { amount: 1000, method: 'wavepay', reference: ref }), 409, 'duplicate_reference');
    const forced = await credit(a.reseller.id, { amount: 1000, method: 'wavepay', reference: ref, allow_duplicate_reference: true });
    expect(forced.status).toBe(201);
    expect(await balanceOf(a.reseller.id)).toBe(5000);
  });

  test('an adjustment (negative amount) is never a duplicate', async () => {
    const a = await makeReseller(h.db, admin);
    const ref = `FIX-${uid()}`;
    await creditReseller(h.db, admin, a.reseller.id, { amount: 5000, method: 'cash', reference: ref });
    await creditReseller(h.db, admin, a.reseller.id, { amount: -1000, reference: ref, note: 'correction' });
    expect(await balanceOf(a.reseller.id)).toBe(4000);
  });
});

describe('top-up request approval', () => {
  test('approving a request whose payment was already credited is 409 until confirmed; the request stays pending', async () => {
    const a = await makeReseller(h.db, admin);
    const ref = `BANK-${uid()}`;
    await creditReseller(h.db, admin, a.reseller.id, { amount: 200_000, method: 'bank_transfer', reference: ref });
    const req = await fileTopupRequest(h.db, a.actor, { amount: 200_000, method: 'bank_transfer', reference: ref });
    const refused = await call(approveRoute, 'POST', '/approve', { token: adminToken, id: req.id, body: {} });
    expectError(refused, 409, 'duplicate_reference');
    expect(await balanceOf(a.reseller.id)).toBe(200_000);
    const ok = await call(approveRoute, 'POST', '/approve', { token: adminToken, id: req.id, body: { allow_duplicate_reference: true } });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ status: 'approved', credit_balance: 400_000 });
  });
});

describe.skipIf(!onPostgres())('under concurrency (PostgreSQL)', () => {
  test('8 parallel top-ups of one reference: exactly one is credited', async () => {
    const a = await makeReseller(h.db, admin);
    const ref = `RACE-${uid()}`;
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => creditReseller(h.db, admin, a.reseller.id, { amount: 10_000, method: 'kbzpay', reference: ref })),
    );
    const refused = results.filter((r) => r.status === 'rejected');
    expect(results.length - refused.length).toBe(1);
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(DomainError);
    expect(await topupsWith(ref)).toBe(1);
    expect(await balanceOf(a.reseller.id)).toBe(10_000);
  });
});
