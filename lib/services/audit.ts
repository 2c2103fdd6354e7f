import 'server-only';
import type { Db } from '@/db';
import { auditLog } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';

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
