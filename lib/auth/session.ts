import 'server-only';
import { lt } from 'drizzle-orm';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { type Db, getDb } from '@/db';
import { revokedSessions } from '@/db/schema';
import { accountRead } from './account-read';
import { auth, SESSION_MAX_AGE_S } from './auth';
import type { Actor, Role } from './permissions';
import { sessionClaims } from './session-token';

export interface SessionUser {
  actor: Actor;
  name: string;
  email: string;
  db: Db;
  /** What the portal's header shows, read with the account (lib/auth/account-read.ts). */
  header: { unread: number; resellerCredit: number | null };
}

export const PORTAL: Record<Role, string> = { admin: '/admin', reseller: '/reseller', client: '/client' };

/**
 * The signed-in user, re-read from the database: a suspended or archived account, a session from before
 * a password change, a session signed out on the server, or one older than the maximum age counts as
 * signed out. Read once per server render (React cache): a portal's layout and page both ask; outside a render
 * (server actions, route handlers) every call reads afresh. The cookie is decrypted without Auth.js's session
 * action (lib/auth/session-token.ts).
 */
export const sessionUser = cache(readSessionUser);

async function readSessionUser(): Promise<SessionUser | null> {
  const session = await sessionClaims();
  if (!session?.uid || !session.sid) return null;
  if (Date.now() / 1000 - session.sat > SESSION_MAX_AGE_S) return null;
  const [db, row] = await Promise.all([getDb(), accountRead(session.uid, session.sid)]);
  if (!row) return null;
  const u = row.u;
  if (row.revoked || u.status !== 'active' || u.role !== session.role || u.sessionVersion !== session.sv) return null;
  const h = await headers();
  const ip = h.get('x-forwarded-for')?.split(',')[0].trim() || h.get('x-real-ip') || null;
  return {
    actor: { userId: u.id, role: u.role, ip },
    name: u.name,
    email: u.email,
    db,
    header: { unread: row.unread, resellerCredit: row.resellerCredit },
  };
}

/** Guards a portal layout, page or server action: the right role and an active account, or off to /login. */
export async function requireRole(role: Role): Promise<SessionUser> {
  const user = await sessionUser();
  if (!user) redirect('/login?signed_out=1');
  if (user.actor.role !== role) redirect(PORTAL[user.actor.role]);
  return user;
}

/**
 * Sign-out on the server: this browser session's id is revoked, so the cookie (and any copy of it) is
 * refused from now on, not only deleted from this browser. Rows past their possible lifetime are dropped.
 */
export async function revokeCurrentSession(now = new Date()): Promise<void> {
  const session = await auth();
  if (!session?.uid || !session.sid) return;
  const db = await getDb();
  const expiresAt = new Date((session.sat + SESSION_MAX_AGE_S) * 1000 + 60_000);
  await db.insert(revokedSessions).values({ sid: session.sid, userId: session.uid, revokedAt: now, expiresAt }).onConflictDoNothing();
  await db.delete(revokedSessions).where(lt(revokedSessions.expiresAt, now));
}
