import 'server-only';
import { eq } from 'drizzle-orm';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { type Db, getDb } from '@/db';
import { users } from '@/db/schema';
import { auth } from './auth';
import type { Actor, Role } from './permissions';

export interface SessionUser {
  actor: Actor;
  name: string;
  email: string;
  db: Db;
}

export const PORTAL: Record<Role, string> = { admin: '/admin', reseller: '/reseller', client: '/client' };

/**
 * The signed-in user, re-read from the database: a suspended or archived account, or a session from
 * before a password change, counts as signed out.
 */
export async function sessionUser(): Promise<SessionUser | null> {
  const session = await auth();
  if (!session?.uid) return null;
  const db = await getDb();
  const [u] = await db.select().from(users).where(eq(users.id, session.uid));
  if (u?.status !== 'active' || u.role !== session.role || u.sessionVersion !== session.sv) return null;
  const h = await headers();
  const ip = h.get('x-forwarded-for')?.split(',')[0].trim() || h.get('x-real-ip') || null;
  return { actor: { userId: u.id, role: u.role, ip }, name: u.name, email: u.email, db };
}

/** Guards a portal layout, page or server action: the right role and an active account, or off to /login. */
export async function requireRole(role: Role): Promise<SessionUser> {
  const user = await sessionUser();
  if (!user) redirect('/login?signed_out=1');
  if (user.actor.role !== role) redirect(PORTAL[user.actor.role]);
  return user;
}
