import 'server-only';
import { and, count, desc, eq, ilike, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '@/db';
import { auditLog, users } from '@/db/schema';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import type { AuditQuery } from '@/lib/validation/common';
import { dateRange } from './date-filter';
import { likePattern, type Page, paginated } from './paging';
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
  actor_name: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  /** The target's name when it is a person or an account (reseller, client, admin, user). */
  target_name: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  created_at: string;
}

/** Targets that are users: their id is a users.id, so the log can name them. */
const USER_TARGETS = ['reseller', 'client', 'admin', 'user'];
const targetUser = alias(users, 'target_user');

/** The audit log's filters as SQL (shared by the page, the API and the CSV export). */
async function auditFilters(db: Db, q: Omit<AuditQuery, 'page' | 'limit'>): Promise<SQL | undefined> {
  const conds: SQL[] = [];
  if (q.action) conds.push(like(auditLog.action, `${q.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (q.target_type) conds.push(eq(auditLog.targetType, q.target_type));
  if (q.target_id) conds.push(eq(auditLog.targetId, q.target_id));
  if (q.actor_id) conds.push(eq(auditLog.actorId, q.actor_id));
  if (q.actor) {
    const p = likePattern(q.actor);
    const who = db
      .select({ id: users.id })
      .from(users)
      .where(or(ilike(users.name, p), ilike(users.email, p)));
    conds.push(inArray(auditLog.actorId, who));
  }
  conds.push(...dateRange(auditLog.createdAt, q.from, q.to, (await getSettings(db)).time_zone));
  return conds.length ? and(...conds) : undefined;
}

function selectAudit(db: Db) {
  return db
    .select({ a: auditLog, email: users.email, name: users.name, targetName: targetUser.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .leftJoin(
      targetUser,
      // CASE keeps the cast away from ids that are not numbers (a package's code): AND does not order its checks.
      and(
        inArray(auditLog.targetType, USER_TARGETS),
        sql`${targetUser.id} = (case when ${auditLog.targetId} ~ '^[0-9]{1,9}$' then (${auditLog.targetId})::int end)`,
      ),
    );
}

type AuditRow = Awaited<ReturnType<ReturnType<typeof selectAudit>['execute']>>[number];

function auditView({ a, email, name, targetName }: AuditRow): AuditView {
  return {
    id: a.id,
    actor_id: a.actorId,
    actor_role: a.actorRole,
    actor_email: email,
    actor_name: name,
    action: a.action,
    target_type: a.targetType,
    target_id: a.targetId,
    target_name: targetName,
    before: a.before,
    after: a.after,
    ip: a.ip,
    created_at: a.createdAt.toISOString(),
  };
}

/** The audit trail, newest first; `action` matches a prefix ("reseller." finds every reseller action). */
export async function listAudit(db: Db, actor: Actor, q: AuditQuery): Promise<Page<AuditView>> {
  assertCan(actor, 'audit.read');
  const where = await auditFilters(db, q);
  const [rows, [{ total }]] = await Promise.all([
    selectAudit(db)
      .where(where)
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(q.limit)
      .offset((q.page - 1) * q.limit),
    db.select({ total: count() }).from(auditLog).where(where),
  ]);
  return paginated(rows.map(auditView), q, total);
}

/** Every entry matching the filters, newest first, in keyset batches (the CSV export). */
export async function auditExport(
  db: Db,
  actor: Actor,
  q: Omit<AuditQuery, 'page' | 'limit'>,
  batchSize = 1000,
): Promise<AsyncGenerator<AuditView[]>> {
  assertCan(actor, 'audit.read');
  const where = await auditFilters(db, q);
  return (async function* batches(): AsyncGenerator<AuditView[]> {
    let cursor: number | null = null;
    for (;;) {
      const conds: (SQL | undefined)[] = [
        where,
        cursor === null
          ? undefined
          : sql`(${auditLog.createdAt}, ${auditLog.id}) < (select c.created_at, c.id from audit_log c where c.id = ${cursor})`,
      ];
      const rows: AuditRow[] = await selectAudit(db)
        .where(and(...conds))
        .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
        .limit(batchSize);
      if (rows.length) yield rows.map(auditView);
      if (rows.length < batchSize) return;
      cursor = rows[rows.length - 1].a.id;
    }
  })();
}
