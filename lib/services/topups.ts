import 'server-only';
import { and, count, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { paymentAccounts, resellers, topupRequests, users } from '@/db/schema';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import { DomainError, fieldError, notFound } from '@/lib/errors';
import { topupDecided, topupRequested } from '@/lib/notifications/service-events';
import type { ListTopupsQuery, TopupRequestInput } from '@/lib/validation/credit';
import { writeAudit } from './audit';
import { storeImage } from './images';
import { postLedger } from './ledger';
import { type Page, paginated } from './paging';
import { assertReferenceUnused } from './payment-reference';

export interface TopupRequestView {
  id: number;
  reseller_id: number;
  reseller_name: string;
  amount: number;
  method: string;
  reference: string | null;
  note: string | null;
  /** The platform account the reseller paid into (docs/payments.md), as it is now. */
  payment_account: { id: number; method: string; account_name: string; account_number: string } | null;
  /** The payment slip: GET /api/admin/images/:id (or /api/reseller/images/:id). */
  slip_image_id: number | null;
  status: 'pending' | 'approved' | 'rejected';
  decision_note: string | null;
  decided_by: number | null;
  decided_by_name: string | null;
  decided_at: string | null;
  ledger_entry_id: number | null;
  created_at: string;
}

const columns = {
  id: topupRequests.id,
  resellerId: topupRequests.resellerId,
  resellerName: users.name,
  amount: topupRequests.amount,
  method: topupRequests.method,
  reference: topupRequests.reference,
  note: topupRequests.note,
  slipImageId: topupRequests.slipImageId,
  accountId: paymentAccounts.id,
  accountMethod: paymentAccounts.method,
  accountName: paymentAccounts.accountName,
  accountNumber: paymentAccounts.accountNumber,
  status: topupRequests.status,
  decisionNote: topupRequests.decisionNote,
  decidedBy: topupRequests.decidedBy,
  decidedByName: sql<string | null>`(select d.name from ${users} d where d.id = ${topupRequests.decidedBy})`,
  decidedAt: topupRequests.decidedAt,
  ledgerEntryId: topupRequests.ledgerEntryId,
  createdAt: topupRequests.createdAt,
};

function selectTopups(db: Db) {
  return db
    .select(columns)
    .from(topupRequests)
    .innerJoin(users, eq(users.id, topupRequests.resellerId))
    .leftJoin(paymentAccounts, eq(paymentAccounts.id, topupRequests.paymentAccountId));
}
type Row = Awaited<ReturnType<ReturnType<typeof selectTopups>['execute']>>[number];

function view(r: Row): TopupRequestView {
  return {
    id: r.id,
    reseller_id: r.resellerId,
    reseller_name: r.resellerName,
    amount: r.amount,
    method: r.method,
    reference: r.reference,
    note: r.note,
    payment_account:
      r.accountId === null
        ? null
        : { id: r.accountId, method: r.accountMethod ?? '', account_name: r.accountName ?? '', account_number: r.accountNumber ?? '' },
    slip_image_id: r.slipImageId,
    status: r.status,
    decision_note: r.decisionNote,
    decided_by: r.decidedBy,
    decided_by_name: r.decidedByName,
    decided_at: r.decidedAt?.toISOString() ?? null,
    ledger_entry_id: r.ledgerEntryId,
    created_at: r.createdAt.toISOString(),
  };
}

async function getTopup(db: Db, id: number): Promise<TopupRequestView> {
  const [r] = await selectTopups(db).where(eq(topupRequests.id, id));
  if (!r) throw notFound('Top-up request');
  return view(r);
}

/** One request, for the admin (any) or its reseller (own only; another's is not found). */
export async function getTopupRequest(db: Db, actor: Actor, id: number): Promise<TopupRequestView> {
  assertCan(actor, 'topup.read');
  const r = await getTopup(db, id);
  if (actor.role === 'reseller' && r.reseller_id !== actor.userId) throw notFound('Top-up request');
  return r;
}

/** A reseller asks the admin for credit; the admin decides once. */
export async function fileTopupRequest(db: Db, actor: Actor, input: TopupRequestInput): Promise<TopupRequestView> {
  assertCan(actor, 'topup.file');
  const id = await db.transaction(async (tx) => {
    let method = input.method;
    if (input.payment_account_id) {
      // Only an enabled platform account can be paid into; its method is the request's.
      const [acct] = await tx
        .select({ method: paymentAccounts.method })
        .from(paymentAccounts)
        .where(
          and(eq(paymentAccounts.id, input.payment_account_id), isNull(paymentAccounts.resellerId), eq(paymentAccounts.enabled, true)),
        );
      if (!acct) throw fieldError('payment_account_id', 'No such payment account.');
      method = acct.method;
    }
    const slipImageId = input.slip_image ? await storeImage(tx, input.slip_image) : null;
    const [r] = await tx
      .insert(topupRequests)
      .values({
        resellerId: actor.userId,
        amount: input.amount,
        method: method ?? 'other',
        reference: input.reference ?? null,
        note: input.note ?? null,
        paymentAccountId: input.payment_account_id ?? null,
        slipImageId,
      })
      .returning({ id: topupRequests.id });
    const { slip_image: _bytes, ...audited } = input;
    await writeAudit(tx, actor, 'topup_request.create', { type: 'topup_request', id: r.id }, null, {
      ...audited,
      method,
      slip_image_id: slipImageId,
    });
    return r.id;
  });
  await topupRequested(db, { id, resellerId: actor.userId, amount: input.amount });
  return getTopup(db, id);
}

/** The admin's queue (all resellers) or a reseller's own requests, newest first. */
export async function listTopupRequests(db: Db, actor: Actor, q: ListTopupsQuery): Promise<Page<TopupRequestView>> {
  assertCan(actor, 'topup.read');
  const conds: SQL[] = [];
  if (actor.role === 'reseller') conds.push(eq(topupRequests.resellerId, actor.userId));
  else if (q.reseller_id) conds.push(eq(topupRequests.resellerId, q.reseller_id));
  if (q.status) conds.push(eq(topupRequests.status, q.status));
  const where = conds.length ? and(...conds) : undefined;
  const [rows, [{ total }]] = await Promise.all([
    selectTopups(db)
      .where(where)
      .orderBy(desc(topupRequests.createdAt), desc(topupRequests.id))
      .limit(q.limit)
      .offset((q.page - 1) * q.limit),
    db.select({ total: count() }).from(topupRequests).where(where),
  ]);
  return paginated(rows.map(view), q, total);
}

/**
 * Approve or reject, once. The request row is locked; a second decision (two admins clicking at the
 * same moment) waits for the first and then answers 409 already_decided.
 */
export async function decideTopupRequest(
  db: Db,
  actor: Actor,
  id: number,
  decision: { approve: true; note?: string; allow_duplicate_reference?: boolean } | { approve: false; reason: string },
  now = new Date(),
): Promise<TopupRequestView & { credit_balance?: number }> {
  assertCan(actor, 'topup.decide');
  const balance = await db.transaction(async (tx) => {
    const [req] = await tx.select().from(topupRequests).where(eq(topupRequests.id, id)).for('update');
    if (!req) throw notFound('Top-up request');
    if (req.status !== 'pending') {
      throw new DomainError('already_decided', `This request was already ${req.status}.`, { status: req.status });
    }
    const [reseller] = await tx.select({ archivedAt: resellers.archivedAt }).from(resellers).where(eq(resellers.id, req.resellerId));
    if (decision.approve && reseller?.archivedAt)
      throw new DomainError('conflict', 'The reseller was deleted; reject the request instead.');
    let ledgerEntryId: number | null = null;
    let balanceAfter: number | undefined;
    if (decision.approve) {
      await assertReferenceUnused(tx, req, decision.allow_duplicate_reference);
      const entry = await postLedger(tx, {
        account: 'reseller_credit',
        accountId: req.resellerId,
        resellerId: req.resellerId,
        kind: 'topup',
        amount: req.amount,
        actorId: actor.userId,
        method: req.method,
        reference: req.reference,
        note: decision.note ?? req.note,
        topupRequestId: req.id,
      });
      ledgerEntryId = entry.id;
      balanceAfter = entry.balanceAfter;
    }
    const status = decision.approve ? 'approved' : 'rejected';
    await tx
      .update(topupRequests)
      .set({
        status,
        decidedBy: actor.userId,
        decidedAt: now,
        decisionNote: decision.approve ? (decision.note ?? null) : decision.reason,
        ledgerEntryId,
      })
      .where(eq(topupRequests.id, id));
    await writeAudit(
      tx,
      actor,
      `topup_request.${decision.approve ? 'approve' : 'reject'}`,
      { type: 'topup_request', id },
      { status: 'pending' },
      {
        status,
        amount: req.amount,
        reseller_id: req.resellerId,
        ledger_entry_id: ledgerEntryId,
        reason: decision.approve ? null : decision.reason,
      },
    );
    return balanceAfter;
  });
  const out = await getTopup(db, id);
  await topupDecided(db, {
    id,
    resellerId: out.reseller_id,
    amount: out.amount,
    approved: decision.approve,
    reason: decision.approve ? null : decision.reason,
    balance: balance ?? null,
  });
  return balance === undefined ? out : { ...out, credit_balance: balance };
}
