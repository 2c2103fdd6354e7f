import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { users } from '@/db/schema';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import type { Actor } from '@/lib/auth/permissions';
import { fieldError, notFound } from '@/lib/errors';
import { writeAudit } from './audit';
import { endSessions } from './users';

/**
 * Any signed-in user changes their own password: the current one must be right (a field error
 * otherwise); the new one is stored hashed and every session of the account ends (session version
 * bumped, API login tokens revoked) — the caller signs the current browser in again.
 */
export async function changeOwnPassword(db: Db, actor: Actor, input: { current: string; next: string }, now = new Date()): Promise<void> {
  const [u] = await db.select({ id: users.id, hash: users.passwordHash }).from(users).where(eq(users.id, actor.userId));
  if (!u) throw notFound('User');
  if (!(await verifyPassword(u.hash, input.current))) throw fieldError('current_password', 'The current password is not correct.');
  if (input.current === input.next) throw fieldError('new_password', 'Choose a password different from the current one.');
  const passwordHash = await hashPassword(input.next);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, u.id));
    await endSessions(tx, u.id, now);
    await writeAudit(tx, actor, 'user.password_change', { type: 'user', id: u.id }, null, null);
  });
}
