import 'server-only';
import { and, asc, eq, isNull, type SQL } from 'drizzle-orm';
import type { Db } from '@/db';
import { clients, paymentAccounts } from '@/db/schema';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import { notFound } from '@/lib/errors';
import type { CreatePaymentAccountInput, UpdatePaymentAccountInput } from '@/lib/validation/payments';
import { writeAudit } from './audit';
import { storeImage } from './images';

// Payment accounts (docs/payments.md): the admin keeps the platform's (reseller_id null), where resellers
// pay for credit; a reseller keeps its own, where its clients pay it. Each is shown with its QR code.

export interface PaymentAccountView {
  id: number;
  method: (typeof paymentAccounts.$inferSelect)['method'];
  account_name: string;
  account_number: string;
  /** Fetch with GET /api/<admin|reseller|v1>/images/:id (PNG or JPEG), or null. */
  qr_image_id: number | null;
  instructions: string | null;
  enabled: boolean;
  created_at: string;
  updated_at: string;
}

type Row = typeof paymentAccounts.$inferSelect;

export function paymentAccountView(r: Row): PaymentAccountView {
  return {
    id: r.id,
    method: r.method,
    account_name: r.accountName,
    account_number: r.accountNumber,
    qr_image_id: r.qrImageId,
    instructions: r.instructions,
    enabled: r.enabled,
    created_at: r.createdAt.toISOString(),
    updated_at: r.updatedAt.toISOString(),
  };
}

/** The accounts an admin or reseller manages: the platform's, or the reseller's own. */
function ownedBy(actor: Actor): SQL {
  return actor.role === 'reseller' ? eq(paymentAccounts.resellerId, actor.userId) : isNull(paymentAccounts.resellerId);
}

/** The accounts the actor keeps (all, disabled ones too), oldest first. */
export async function listOwnPaymentAccounts(db: Db, actor: Actor): Promise<PaymentAccountView[]> {
  assertCan(actor, 'payment_account.manage');
  const rows = await db.select().from(paymentAccounts).where(ownedBy(actor)).orderBy(asc(paymentAccounts.id));
  return rows.map(paymentAccountView);
}

/** Where the actor pays: a reseller the platform's enabled accounts, a client its reseller's. */
export async function listPayeeAccounts(db: Db, actor: Actor): Promise<PaymentAccountView[]> {
  assertCan(actor, 'payment_account.read');
  let owner: SQL;
  if (actor.role === 'client') {
    const [c] = await db.select({ resellerId: clients.resellerId }).from(clients).where(eq(clients.id, actor.userId));
    if (!c) return [];
    owner = eq(paymentAccounts.resellerId, c.resellerId);
  } else owner = isNull(paymentAccounts.resellerId);
  const rows = await db
    .select()
    .from(paymentAccounts)
    .where(and(owner, eq(paymentAccounts.enabled, true)))
    .orderBy(asc(paymentAccounts.id));
  return rows.map(paymentAccountView);
}

/** The enabled accounts of one reseller (its clients' renewal and expired screens). */
export async function resellerPaymentAccounts(db: Db, resellerId: number): Promise<PaymentAccountView[]> {
  const rows = await db
    .select()
    .from(paymentAccounts)
    .where(and(eq(paymentAccounts.resellerId, resellerId), eq(paymentAccounts.enabled, true)))
    .orderBy(asc(paymentAccounts.id));
  return rows.map(paymentAccountView);
}

export async function createPaymentAccount(db: Db, actor: Actor, input: CreatePaymentAccountInput): Promise<PaymentAccountView> {
  assertCan(actor, 'payment_account.manage');
  return db.transaction(async (tx) => {
    const qrImageId = input.qr_image ? await storeImage(tx, input.qr_image) : null;
    const [row] = await tx
      .insert(paymentAccounts)
      .values({
        resellerId: actor.role === 'reseller' ? actor.userId : null,
        method: input.method,
        accountName: input.account_name,
        accountNumber: input.account_number,
        qrImageId,
        instructions: input.instructions ?? null,
        enabled: input.enabled ?? true,
      })
      .returning();
    const view = paymentAccountView(row);
    await writeAudit(tx, actor, 'payment_account.create', { type: 'payment_account', id: row.id }, null, view);
    return view;
  });
}

export async function updatePaymentAccount(
  db: Db,
  actor: Actor,
  id: number,
  input: UpdatePaymentAccountInput,
  now = new Date(),
): Promise<PaymentAccountView> {
  assertCan(actor, 'payment_account.manage');
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(paymentAccounts)
      .where(and(eq(paymentAccounts.id, id), ownedBy(actor)))
      .for('update');
    if (!before) throw notFound('Payment account');
    const set: Partial<typeof paymentAccounts.$inferInsert> = { updatedAt: now };
    if (input.method !== undefined) set.method = input.method;
    if (input.account_name !== undefined) set.accountName = input.account_name;
    if (input.account_number !== undefined) set.accountNumber = input.account_number;
    if (input.instructions !== undefined) set.instructions = input.instructions;
    if (input.enabled !== undefined) set.enabled = input.enabled;
    // The old image stays stored: a slip or audit trail may still point at what a payer saw.
    if (input.qr_image !== undefined) set.qrImageId = input.qr_image ? await storeImage(tx, input.qr_image) : null;
    const [row] = await tx.update(paymentAccounts).set(set).where(eq(paymentAccounts.id, id)).returning();
    const view = paymentAccountView(row);
    await writeAudit(tx, actor, 'payment_account.update', { type: 'payment_account', id }, paymentAccountView(before), view);
    return view;
  });
}

/** One account the actor keeps (404 for another owner's). */
export async function getOwnPaymentAccount(db: Db, actor: Actor, id: number): Promise<PaymentAccountView> {
  assertCan(actor, 'payment_account.manage');
  const [row] = await db
    .select()
    .from(paymentAccounts)
    .where(and(eq(paymentAccounts.id, id), ownedBy(actor)));
  if (!row) throw notFound('Payment account');
  return paymentAccountView(row);
}
