// Fault tests, money moves other than activation (issue 6 item 4): an admin credit, a top-up approval and a
// credit transfer whose connection dies at a chosen point are all or nothing, and a retry applies them once.
// PostgreSQL only; a database of the file's own (activations: faults-money.test.ts).
import { and, count, eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { auditLog, clients, ledgerEntries, resellers, topupRequests } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { creditReseller } from '@/lib/services/credit';
import { decideTopupRequest, fileTopupRequest } from '@/lib/services/topups';
import { transferCredit } from '@/lib/services/transfers';
import { onPostgres } from './helpers/db';
import { type BlockSpec, type FaultDb, faultSuite, killDuring } from './helpers/faults';
import { makeClient, makeReseller, uid } from './helpers/fixtures';

const PRICE = 50_000; // starter_pro
const RATE = 10; // commission partner: 10 % of the list price

if (!onPostgres())
  console.log('fault tests (money) skipped: they terminate PostgreSQL backends and cut connections; set TEST_DATABASE_URL');

describe.skipIf(!onPostgres())('connection dropped in the middle of a money transaction', () => {
  let f: FaultDb;
  let admin: Actor;
  faultSuite((s) => ({ f, admin } = s));

  async function partnerWithClient(credit = 2 * PRICE) {
    const { reseller, actor } = await makeReseller(f.db, admin, { credit, partner_type: 'commission', commission_rate: RATE });
    const { client } = await makeClient(f.db, actor);
    return { reseller, actor, client };
  }

  test('an admin credit killed between the balance update and its ledger row → nothing; the retry credits once', async () => {
    const { reseller } = await makeReseller(f.db, admin);
    const v = f.victim();
    try {
      const spec: BlockSpec = { table: 'ledger_entries', event: 'insert', when: `new.reseller_id = ${reseller.id} and new.kind = 'topup'` };
      const r = await killDuring(f, v, spec, 'terminate', () =>
        creditReseller(v.db, admin, reseller.id, { amount: 7_000, method: 'cash' }),
      );
      expect(r.status).toBe('rejected');
      const [after] = await f.db.select({ b: resellers.creditBalance }).from(resellers).where(eq(resellers.id, reseller.id));
      expect(after.b).toBe(0);
      expect((await creditReseller(f.db, admin, reseller.id, { amount: 7_000, method: 'cash' })).credit_balance).toBe(7_000);
      const rows = await f.db.select().from(ledgerEntries).where(eq(ledgerEntries.resellerId, reseller.id));
      expect(rows.map((x) => x.amount)).toEqual([7_000]);
    } finally {
      await v.crash();
    }
  });

  const approvalPoints: { name: string; spec: (r: number, t: number) => BlockSpec }[] = [
    {
      name: 'balance credited, ledger row not yet inserted',
      spec: (r) => ({ table: 'ledger_entries', event: 'insert', when: `new.reseller_id = ${r} and new.kind = 'topup'` }),
    },
    {
      name: 'ledger row written, request not yet marked approved',
      spec: (_r, t) => ({ table: 'topup_requests', event: 'update', when: `new.id = ${t}` }),
    },
    {
      name: 'at COMMIT',
      spec: (_r, t) => ({
        table: 'audit_log',
        event: 'insert',
        atCommit: true,
        when: `new.action = 'topup_request.approve' and new.target_id = '${t}'`,
      }),
    },
  ];

  test.each(approvalPoints)(
    'top-up approval killed ($name) → still pending, no credit; approved once on retry, then already_decided',
    async ({ spec }) => {
      const { reseller, actor } = await makeReseller(f.db, admin);
      // Each case its own payment: a reference credited once cannot be approved again (duplicate_reference).
      const req = await fileTopupRequest(f.db, actor, { amount: 25_000, method: 'bank_transfer', reference: `TX-${uid()}` });
      const audit = async () =>
        (
          await f.db
            .select({ n: count() })
            .from(auditLog)
            .where(and(eq(auditLog.targetType, 'topup_request'), eq(auditLog.targetId, String(req.id))))
        )[0].n;
      const auditBefore = await audit();
      const v = f.victim();
      try {
        const r = await killDuring(f, v, spec(reseller.id, req.id), 'terminate', () =>
          decideTopupRequest(v.db, admin, req.id, { approve: true }),
        );
        expect(r.status).toBe('rejected');
        const [row] = await f.db.select().from(topupRequests).where(eq(topupRequests.id, req.id));
        expect(row).toMatchObject({ status: 'pending', ledgerEntryId: null, decidedBy: null });
        const [bal] = await f.db.select({ b: resellers.creditBalance }).from(resellers).where(eq(resellers.id, reseller.id));
        expect(bal.b).toBe(0);
        expect(await f.db.select().from(ledgerEntries).where(eq(ledgerEntries.resellerId, reseller.id))).toEqual([]);
        expect(await audit()).toBe(auditBefore);

        const ok = await decideTopupRequest(f.db, admin, req.id, { approve: true });
        expect(ok).toMatchObject({ status: 'approved', credit_balance: 25_000 });
        await expect(decideTopupRequest(f.db, admin, req.id, { approve: true })).rejects.toMatchObject({ code: 'already_decided' });
        const rows = await f.db.select().from(ledgerEntries).where(eq(ledgerEntries.resellerId, reseller.id));
        expect(rows.map((x) => [x.kind, x.amount])).toEqual([['topup', 25_000]]);
        expect(await audit()).toBe(auditBefore + 1);
      } finally {
        await v.crash();
      }
    },
  );

  const transferPoints: { name: string; spec: (r: number, c: number) => BlockSpec }[] = [
    {
      name: 'reseller debited, client not yet credited',
      spec: (_r, c) => ({ table: 'clients', event: 'update', when: `new.id = ${c} and new.credit_balance <> old.credit_balance` }),
    },
    {
      name: 'client credited, its ledger row not yet inserted',
      spec: (r) => ({ table: 'ledger_entries', event: 'insert', when: `new.reseller_id = ${r} and new.kind = 'transfer_in'` }),
    },
    {
      name: 'at COMMIT',
      spec: (_r, c) => ({
        table: 'audit_log',
        event: 'insert',
        atCommit: true,
        when: `new.action = 'client.credit_transfer' and new.target_id = '${c}'`,
      }),
    },
  ];

  test.each(transferPoints)(
    'credit transfer to a client killed ($name) → neither side moved; the retry moves both once',
    async ({ spec }) => {
      const { reseller, actor, client } = await partnerWithClient(30_000);
      const balances = async () => {
        const [r] = await f.db.select({ b: resellers.creditBalance }).from(resellers).where(eq(resellers.id, reseller.id));
        const [c] = await f.db.select({ b: clients.creditBalance }).from(clients).where(eq(clients.id, client.id));
        const [{ n }] = await f.db.select({ n: count() }).from(ledgerEntries).where(eq(ledgerEntries.resellerId, reseller.id));
        return { reseller: r.b, client: c.b, ledger: n };
      };
      const before = await balances();
      const v = f.victim();
      try {
        const r = await killDuring(f, v, spec(reseller.id, client.id), 'terminate', () => transferCredit(v.db, actor, client.id, 12_000));
        expect(r.status).toBe('rejected');
        expect(await balances()).toEqual(before);
        expect(await transferCredit(f.db, actor, client.id, 12_000)).toMatchObject({
          credit_balance: 18_000,
          client_credit_balance: 12_000,
        });
        expect(await balances()).toEqual({ reseller: 18_000, client: 12_000, ledger: before.ledger + 2 });
      } finally {
        await v.crash();
      }
    },
  );
});
