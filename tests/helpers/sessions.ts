// Bearer tokens for route-handler tests, issued by the login service (the login routes have tests of their own).
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { loginWithPassword } from '@/lib/services/auth';
import { makeAdmin, makeReseller } from './fixtures';

export async function emailOf(db: Db, id: number): Promise<string> {
  const [u] = await db.select({ email: users.email }).from(users).where(eq(users.id, id));
  return u.email;
}

export async function tokenFor(db: Db, id: number, role: 'admin' | 'reseller', password: string): Promise<string> {
  return (await loginWithPassword(db, { email: await emailOf(db, id), password }, role)).token;
}

/** A new admin with an API token (fixtures' admins have the password admin-pass-1). */
export async function adminWithToken(db: Db): Promise<{ actor: Actor; token: string }> {
  const actor = await makeAdmin(db);
  return { actor, token: await tokenFor(db, actor.userId, 'admin', 'admin-pass-1') };
}

/** A new reseller with an API token. */
export async function resellerWithToken(db: Db, admin: Actor, opts: Parameters<typeof makeReseller>[2] = {}) {
  const made = await makeReseller(db, admin, opts);
  return { ...made, id: made.reseller.id, token: await tokenFor(db, made.reseller.id, 'reseller', made.password) };
}
