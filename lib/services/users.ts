import 'server-only';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { apiTokens, users } from '@/db/schema';
import { fieldError } from '@/lib/errors';

/** Emails are unique across all roles, case-insensitively. */
export async function assertEmailFree(db: Db, email: string, exceptId?: number): Promise<void> {
  const conds = [eq(sql`lower(${users.email})`, email.toLowerCase())];
  if (exceptId !== undefined) conds.push(ne(users.id, exceptId));
  const [hit] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(...conds))
    .limit(1);
  if (hit) throw fieldError('email', 'This email is already registered.', 'email_taken');
}

export async function findUserByEmail(db: Db, email: string) {
  const [u] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
    .limit(1);
  return u;
}

/**
 * A new password or a suspension ends the user's other sessions: browser sessions by the bumped
 * session_version, API login tokens by revoking them here. Long-lived API keys survive a password
 * change (they are revoked one by one) but not a suspension, which the token check refuses anyway.
 */
export async function endSessions(tx: Db, userId: number, now = new Date()): Promise<void> {
  await tx
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
    .where(eq(users.id, userId));
  await tx
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.userId, userId), eq(apiTokens.kind, 'session'), isNull(apiTokens.revokedAt)));
}
