// Concurrency on the admin side: a top-up request is decided once however many admins click at the same
// moment, and admins disabling each other never leave the platform without an active admin.
import { and, count, eq, inArray } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { POST as approveRoute } from '@/app/api/admin/topup-requests/[id]/approve/route';
import { type DbHandle, setDbHandle } from '@/db';
import { auditLog, ledgerEntries, resellers, topupRequests, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { DomainError } from '@/lib/errors';
import { setAdminStatus } from '@/lib/services/admins';
import { decideTopupRequest, fileTopupRequest } from '@/lib/services/topups';
import { onPostgres, openTestDb } from './helpers/db';
import { makeAdmin, makeReseller } from './helpers/fixtures';
import { call } from './helpers/http';
import { assertLedgerInvariant } from './helpers/invariants';
import { openPrivateDb } from './helpers/private-db';
import { adminWithToken } from './helpers/sessions';

if (!onPostgres()) console.log('admin race tests need PostgreSQL: set TEST_DATABASE_URL');

const codesOf = (results: PromiseSettledResult<unknown>[]) =>
  results.flatMap((r) => (r.status === 'rejected' ? [r.reason instanceof DomainError ? r.reason.code : String(r.reason)] : []));
const fulfilled = <T>(results: PromiseSettledResult<T>[]) => results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));

describe.skipIf(!onPostgres())('top-up decisions under concurrency', () => {
  let h: DbHandle;
  let admins: Actor[];
  beforeAll(async () => {
    h = await openTestDb({ max: 20 });
    setDbHandle(h);
    admins = await Promise.all(Array.from({ length: 10 }, () => makeAdmin(h.db)));
  });
  afterEach(async () => {
    await assertLedgerInvariant(h.db);
  });
  afterAll(async () => {
    await h.close();
  });

  async function pendingRequest(amount: number) {
    const { reseller, actor } = await makeReseller(h.db, admins[0]);
    const req = await fileTopupRequest(h.db, actor, { amount, method: 'bank_transfer', reference: `R-${reseller.id}` });
    return { resellerId: reseller.id, id: req.id };
  }
  /** Everything one request may have changed: the balance, its ledger rows, its decision audit rows. */
  async function outcome(resellerId: number, requestId: number) {
    const [r] = await h.db.select({ credit: resellers.creditBalance }).from(resellers).where(eq(resellers.id, resellerId));
    const rows = await h.db.select().from(ledgerEntries).where(eq(ledgerEntries.resellerId, resellerId));
    const [req] = await h.db.select().from(topupRequests).where(eq(topupRequests.id, requestId));
    const [{ decisions }] = await h.db
      .select({ decisions: count() })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.targetType, 'topup_request'),
          eq(auditLog.targetId, String(requestId)),
          inArray(auditLog.action, ['topup_request.approve', 'topup_request.reject']),
        ),
      );
    return { credit: r.credit, rows, req, decisions };
  }

  test('two admins approve the same request at the same moment: one credit, one 409 already_decided', async () => {
    for (let round = 0; round < 10; round++) {
      const { resellerId, id } = await pendingRequest(125_000);
      const results = await Promise.allSettled([
        decideTopupRequest(h.db, admins[0], id, { approve: true }),
        decideTopupRequest(h.db, admins[1], id, { approve: true }),
      ]);
      expect(fulfilled(results)).toHaveLength(1);
      expect(codesOf(results)).toEqual(['already_decided']);
      const o = await outcome(resellerId, id);
      expect(o.credit).toBe(125_000);
      expect(o.rows.map((e) => [e.kind, e.amount, e.topupRequestId])).toEqual([['topup', 125_000, id]]);
      expect(o.req).toMatchObject({ status: 'approved', ledgerEntryId: o.rows[0].id });
      expect(o.decisions).toBe(1);
    }
  });

  test('10 parallel approve and reject calls on one request: exactly one decides', async () => {
    const winners = new Set<string>();
    for (let round = 0; round < 5; round++) {
      const { resellerId, id } = await pendingRequest(80_000);
      const results = await Promise.allSettled(
        admins.map((a, i) =>
          decideTopupRequest(h.db, a, id, i % 2 ? { approve: true } : { approve: false, reason: `Rejected by admin ${i}` }),
        ),
      );
      const [won] = fulfilled(results);
      expect(fulfilled(results)).toHaveLength(1);
      expect(codesOf(results)).toEqual(Array(9).fill('already_decided'));
      winners.add(won.status);
      const o = await outcome(resellerId, id);
      expect(o.req.status).toBe(won.status);
      expect(o.decisions).toBe(1);
      if (won.status === 'approved') {
        expect(o.credit).toBe(80_000);
        expect(o.rows).toHaveLength(1);
        expect(o.req.ledgerEntryId).toBe(o.rows[0].id);
      } else {
        expect(o.credit).toBe(0);
        expect(o.rows).toEqual([]);
        expect(o.req.ledgerEntryId).toBeNull();
      }
    }
    expect([...winners].every((s) => s === 'approved' || s === 'rejected')).toBe(true);
  });

  test("over HTTP: two admins' approvals at once answer 200 and 409 already_decided", async () => {
    const [one, two] = await Promise.all([adminWithToken(h.db), adminWithToken(h.db)]);
    const { resellerId, id } = await pendingRequest(33_000);
    const answers = await Promise.all(
      [one.token, two.token].map((token) => call(approveRoute, 'POST', '/approve', { token, id, body: {} })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)?.json.error?.code).toBe('already_decided');
    expect((await outcome(resellerId, id)).credit).toBe(33_000);
  });
});

describe.skipIf(!onPostgres())('admins disabling each other at once', () => {
  // Its own database: "the last active admin" only means something where this file owns every admin.
  let h: DbHandle;
  beforeAll(async () => {
    h = await openPrivateDb({ max: 10 });
  });
  afterAll(async () => {
    await h.close();
  });

  const activeAdmins = async () =>
    (
      await h.db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.role, 'admin'), eq(users.status, 'active')))
    ).map((u) => u.id);

  test('two admins disabling each other: exactly one succeeds, one admin stays active', async () => {
    const [a, b] = [await makeAdmin(h.db), await makeAdmin(h.db)];
    for (let round = 0; round < 10; round++) {
      const results = await Promise.allSettled([
        setAdminStatus(h.db, a, b.userId, 'suspended'),
        setAdminStatus(h.db, b, a.userId, 'suspended'),
      ]);
      expect(fulfilled(results)).toHaveLength(1);
      expect(codesOf(results)).toEqual(['conflict']);
      const active = await activeAdmins();
      expect(active).toHaveLength(1);
      // The survivor re-enables the other for the next round.
      const survivor = active[0] === a.userId ? a : b;
      const other = survivor === a ? b : a;
      await setAdminStatus(h.db, survivor, other.userId, 'active');
    }
  });

  test('three admins disabling each other in a ring: two succeed, one admin stays active', async () => {
    const ring = await Promise.all([makeAdmin(h.db), makeAdmin(h.db), makeAdmin(h.db)]);
    // Only the ring is active.
    const others = (await activeAdmins()).filter((id) => !ring.some((r) => r.userId === id));
    for (const id of others) await setAdminStatus(h.db, ring[0], id, 'suspended');
    const results = await Promise.allSettled(ring.map((a, i) => setAdminStatus(h.db, a, ring[(i + 1) % 3].userId, 'suspended')));
    expect(fulfilled(results)).toHaveLength(2);
    expect(codesOf(results)).toEqual(['conflict']);
    expect(await activeAdmins()).toHaveLength(1);
  });
});
