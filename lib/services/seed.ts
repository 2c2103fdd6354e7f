import 'server-only';
import { count, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import type { Actor } from '@/lib/auth/permissions';
import { DomainError } from '@/lib/errors';
import { activatePackage } from './activation';
import { writeAudit } from './audit';
import { createClient, setClientSuspended } from './clients';
import { creditReseller } from './credit';
import { createPaymentAccount } from './payment-accounts';
import { createReseller } from './resellers';
import { assertEmailFree, findUserByEmail } from './users';

export const DEMO_LOGINS = [
  { role: 'admin', email: 'admin@example.com', password: 'admin-demo-1' },
  { role: 'reseller', email: 'reseller@example.com', password: 'reseller-demo-1' },
  { role: 'client', email: 'client@example.com', password: 'client-demo-1' },
] as const;

/** ADMIN_EMAIL + ADMIN_PASSWORD create the first admin when the database has none (any database). */
export async function ensureAdminFromEnv(db: Db, email: string | undefined, password: string | undefined): Promise<boolean> {
  if (!email || !password) return false;
  const [{ n }] = await db.select({ n: count() }).from(users).where(eq(users.role, 'admin'));
  if (n > 0) return false;
  if (await findUserByEmail(db, email)) throw new Error(`ADMIN_EMAIL ${email} already belongs to a non-admin account`);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const [u] = await tx
      .insert(users)
      .values({ role: 'admin', email: email.trim().toLowerCase(), name: 'Administrator', passwordHash })
      .returning({ id: users.id });
    await writeAudit(tx, null, 'admin.create_from_env', { type: 'user', id: u.id }, null, { email });
  });
  return true;
}

export async function hasAdmin(db: Db): Promise<boolean> {
  const [{ n }] = await db.select({ n: count() }).from(users).where(eq(users.role, 'admin'));
  return n > 0;
}

/**
 * The first-run setup page: creates the first admin, only while none exists. The admins table is locked
 * for the check, so two people submitting at once cannot both become the first admin.
 */
export async function createFirstAdmin(
  db: Db,
  input: { name: string; email: string; password: string },
  ip: string | null,
): Promise<number> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(727275)`);
    if (await hasAdmin(tx)) throw new DomainError('conflict', 'The platform already has an admin. Sign in instead.');
    await assertEmailFree(tx, input.email);
    const [u] = await tx
      .insert(users)
      .values({ role: 'admin', email: input.email, name: input.name, passwordHash })
      .returning({ id: users.id });
    await writeAudit(tx, { userId: u.id, role: 'admin', ip }, 'admin.create_first', { type: 'admin', id: u.id }, null, {
      name: input.name,
      email: input.email,
    });
    return u.id;
  });
}

export async function hasDemoData(db: Db): Promise<boolean> {
  return Boolean(await findUserByEmail(db, DEMO_LOGINS[0].email));
}

/**
 * Demo data through the real services: an admin, the demo reseller with exactly 1,000,000 MMK left after
 * its demo activations, a commission partner, and clients in every state.
 */
export async function seedDemo(db: Db, now = new Date()): Promise<void> {
  if (await hasDemoData(db)) return;
  const [admin] = await db
    .insert(users)
    .values({ role: 'admin', email: 'admin@example.com', name: 'Demo Admin', passwordHash: await hashPassword('admin-demo-1') })
    .returning({ id: users.id });
  const adminActor: Actor = { userId: admin.id, role: 'admin' };

  const demo = await createReseller(db, adminActor, {
    partner_type: 'own_plans',
    name: 'Demo Reseller',
    email: 'reseller@example.com',
    phone: '+95 9 450 000 001',
    password: 'reseller-demo-1',
    subdomain: 'demo',
    website: 'https://demo.example.com',
    contact_name: 'Aung Aung',
    contact_email: 'aung@example.com',
    contact_phone: '+95 9 450 000 002',
  });
  await creditReseller(db, adminActor, demo.id, {
    amount: 1_150_000,
    method: 'bank_transfer',
    reference: 'DEMO-0001',
    note: 'Opening balance',
  });
  // Where resellers pay the platform, and where the demo reseller's clients pay it (docs/payments.md).
  await createPaymentAccount(db, adminActor, {
    method: 'kbzpay',
    account_name: 'SMS Platform Co., Ltd.',
    account_number: '09 400 000 100',
    instructions: 'Pay, then send the request with the transaction id and a screenshot of the slip.',
  });
  await createPaymentAccount(
    db,
    { userId: demo.id, role: 'reseller' },
    { method: 'wavepay', account_name: 'Demo Reseller', account_number: '09 450 000 001' },
  );
  const resellerActor: Actor = { userId: demo.id, role: 'reseller' };

  const clientsToMake = [
    { name: 'Demo Client', email: 'client@example.com', password: 'client-demo-1', phone: '+959420000001', account_name: 'Demo Shop' },
    {
      name: 'Mya Trading',
      email: 'mya@example.com',
      password: 'client-demo-2',
      phone: '+959420000002',
      account_name: 'Mya Trading Co.',
      activate: 'starter_pro',
    },
    {
      name: 'Yangon Clinic',
      email: 'clinic@example.com',
      password: 'client-demo-3',
      phone: '+959420000003',
      account_name: 'Yangon Clinic',
      activate: 'business_elite',
    },
    { name: 'Old Customer', email: 'old@example.com', password: 'client-demo-4', phone: '+959420000004', trial_days: 0 },
    { name: 'Paused Shop', email: 'paused@example.com', password: 'client-demo-5', phone: '+959420000005', suspend: true },
  ];
  for (const c of clientsToMake) {
    const made = await createClient(
      db,
      resellerActor,
      {
        name: c.name,
        email: c.email,
        password: c.password,
        phone: c.phone,
        account_name: c.account_name,
        country: 'MM',
        time_zone: 'Asia/Yangon',
        trial_days: c.trial_days,
      },
      now,
    );
    if (c.activate) await activatePackage(db, resellerActor, made.id, { package_type: c.activate }, now);
    if (c.suspend) await setClientSuspended(db, resellerActor, made.id, true, now);
  }

  const partner = await createReseller(db, adminActor, {
    partner_type: 'commission',
    name: 'Golden SMS Partners',
    email: 'partner@example.com',
    phone: '+95 9 450 000 010',
    password: 'reseller-demo-2',
    subdomain: 'golden',
    commission_rate: 10,
  });
  await creditReseller(db, adminActor, partner.id, { amount: 300_000, method: 'kbzpay', reference: 'KBZ-7781' });
}
