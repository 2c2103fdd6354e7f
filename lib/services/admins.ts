import 'server-only';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import { DomainError, notFound } from '@/lib/errors';
import type { CreateAdminInput } from '@/lib/validation/settings';
import { writeAudit } from './audit';
import { assertEmailFree, endSessions } from './users';

export interface AdminView {
  id: number;
  name: string;
  email: string;
  status: string;
  last_login_at: string | null;
  created_at: string;
}

const view = (u: typeof users.$inferSelect): AdminView => ({
  id: u.id,
  name: u.name,
  email: u.email,
  status: u.status,
  last_login_at: u.lastLoginAt?.toISOString() ?? null,
  created_at: u.createdAt.toISOString(),
});

export async function listAdmins(db: Db, actor: Actor): Promise<AdminView[]> {
  assertCan(actor, 'admin.manage');
  const rows = await db.select().from(users).where(eq(users.role, 'admin')).orderBy(asc(users.createdAt), asc(users.id));
  return rows.map(view);
}

export async function createAdmin(db: Db, actor: Actor, input: CreateAdminInput): Promise<AdminView> {
  assertCan(actor, 'admin.manage');
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    await assertEmailFree(tx, input.email);
    const [u] = await tx.insert(users).values({ role: 'admin', email: input.email, name: input.name, passwordHash }).returning();
    await writeAudit(tx, actor, 'admin.create', { type: 'admin', id: u.id }, null, { name: input.name, email: input.email });
    return view(u);
  });
}

/** Disable or re-enable an admin. Never the last active one, and never yourself. */
export async function setAdminStatus(db: Db, actor: Actor, id: number, status: 'active' | 'suspended'): Promise<AdminView> {
  assertCan(actor, 'admin.manage');
  return db.transaction(async (tx) => {
    // Lock every admin row: two admins disabling each other at once cannot leave none.
    await tx.execute(sql`select id from ${users} where ${users.role} = 'admin' order by id for update`);
    const [u] = await tx
      .select()
      .from(users)
      .where(and(eq(users.id, id), eq(users.role, 'admin')));
    if (!u) throw notFound('Admin');
    if (u.status === status) return view(u);
    if (status === 'suspended') {
      if (id === actor.userId) throw new DomainError('conflict', 'You cannot disable your own account.');
      const others = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.role, 'admin'), eq(users.status, 'active'), ne(users.id, id)));
      if (others.length === 0) throw new DomainError('conflict', 'The last active admin cannot be disabled.');
    }
    const [after] = await tx.update(users).set({ status, updatedAt: new Date() }).where(eq(users.id, id)).returning();
    if (status === 'suspended') await endSessions(tx, id);
    await writeAudit(
      tx,
      actor,
      status === 'suspended' ? 'admin.disable' : 'admin.enable',
      { type: 'admin', id },
      { status: u.status },
      { status },
    );
    return view(after);
  });
}
