import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import type { Actor } from '@/lib/auth/permissions';
import { createClient } from '@/lib/services/clients';
import { creditReseller } from '@/lib/services/credit';
import { createReseller } from '@/lib/services/resellers';

export const uid = () => randomBytes(5).toString('hex');

export async function makeAdmin(db: Db): Promise<Actor> {
  const [u] = await db
    .insert(users)
    .values({ role: 'admin', email: `admin-${uid()}@test.local`, name: 'Test Admin', passwordHash: await hashPassword('admin-pass-1') })
    .returning({ id: users.id });
  return { userId: u.id, role: 'admin' };
}

export async function makeReseller(
  db: Db,
  admin: Actor,
  opts: { credit?: number; partner_type?: 'own_plans' | 'commission'; commission_rate?: number } = {},
) {
  const id = uid();
  const reseller = await createReseller(db, admin, {
    partner_type: opts.partner_type ?? 'own_plans',
    name: `Reseller ${id}`,
    email: `reseller-${id}@test.local`,
    phone: '+95 9 123 456 789',
    password: 'reseller-pass-1',
    subdomain: `r${id}`,
    commission_rate: opts.commission_rate,
  });
  if (opts.credit) await creditReseller(db, admin, reseller.id, { amount: opts.credit, method: 'cash' });
  const actor: Actor = { userId: reseller.id, role: 'reseller' };
  return { reseller, actor, password: 'reseller-pass-1' };
}

export async function makeClient(db: Db, reseller: Actor, opts: { trial_days?: number; now?: Date } = {}) {
  const id = uid();
  const client = await createClient(
    db,
    reseller,
    {
      name: `Client ${id}`,
      email: `client-${id}@test.local`,
      password: 'client-pass-1',
      phone: '+959111222333',
      trial_days: opts.trial_days,
    },
    opts.now,
  );
  return { client, actor: { userId: client.id, role: 'client' } as Actor, password: 'client-pass-1' };
}

export const suspendUser = (db: Db, id: number) => db.update(users).set({ status: 'suspended' }).where(eq(users.id, id));
