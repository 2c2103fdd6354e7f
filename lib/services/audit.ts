import 'server-only';
import { and, count, desc, eq, like, type SQL } from 'drizzle-orm';
import type { Db } from '@/db';
import { auditLog, users } from '@/db/schema';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import type { AuditQuery } from '@/lib/validation/common';
import { dateRange } from './date-filter';
import { type Page, paginated } from './paging';
import { getSettings } from './settings';

/** Written inside the caller's transaction: the change and its audit row land together or not at all. */
export async function writeAudit(
  tx: Db,
  actor: Actor | null,
  action: string,
  target: { type: string; id: number | string | null },
  before: unknown = null,
  after: unknown = null,
): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: actor?.userId ?? null,
    actorRole: actor?.role ?? 'system',
    action,
    targetType: target.type,
    targetId: target.id === null ? null : String(target.id),
    before: before ?? null,
    after: after ?? null,
    ip: actor?.ip ?? null,
  });
}

export interface AuditView {
  id: number;
  actor_id: number | null;
  actor_role: string;
  actor_email: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  created_at: string;
}

/** The audit trail, newest first; `action` matches a prefix ("reseller." finds every reseller action). */
export async function listAudit(db: Db, actor: Actor, q: AuditQuery): Promise<Page<AuditView>> {
  assertCan(actor, 'audit.read');
  const conds: SQL[] = [];
  if (q.action) conds.push(like(auditLog.action, `${q.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (q.target_type) conds.push(eq(auditLog.targetType, q.target_type));
  if (q.target_id) conds.push(eq(auditLog.targetId, q.target_id));
  if (q.actor_id) conds.push(eq(auditLog.actorId, q.actor_id));
  conds.push(...dateRange(auditLog.createdAt, q.from, q.to, (await getSettings(db)).time_zone));
  const where = conds.length ? and(...conds) : undefined;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ a: auditLog, email: users.email })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(where)
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(q.limit)
      .offset((q.page - 1) * q.limit),
    db.select({ total: count() }).from(auditLog).where(where),
  ]);
  return paginated(
    rows.map(({ a, email }) => ({
      id: a.id,
      actor_id: a.actorId,
      actor_role: a.actorRole,
      actor_email: email,
      action: a.action,
      target_type: a.targetType,
      target_id: a.targetId,
      before: a.before,
      after: a.after,
      ip: a.ip,
      created_at: a.createdAt.toISOString(),
    })),
    q,
    total,
  );
}
