import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '@/db';
import { clients, subscriptions, users } from '@/db/schema';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import { DomainError } from '@/lib/errors';
import { logError } from '@/lib/log';
import { activatePackage } from './activation';
import { writeAudit } from './audit';
import { type ClientView, getClient, lockClientFor } from './clients';

const DAY_MS = 86_400_000;
export const AUTO_RENEW_HORIZON_MS = 60 * 60_000;

/** Adds days to a client's trial (from now if it already ended). */
export async function extendTrial(db: Db, actor: Actor, clientId: number, days: number, now = new Date()): Promise<ClientView> {
  assertCan(actor, 'client.update');
  if (!Number.isInteger(days) || days < 1 || days > 30) {
    throw new DomainError('validation_failed', 'Extend by 1 to 30 days.', { fields: { days: ['Extend by 1 to 30 days.'] } });
  }
  await db.transaction(async (tx) => {
    const c = await lockClientFor(tx, actor, clientId);
    const from = c.trialEndsAt > now ? c.trialEndsAt : now;
    const trialEndsAt = new Date(from.getTime() + days * DAY_MS);
    await tx.update(clients).set({ trialEndsAt }).where(eq(clients.id, clientId));
    await writeAudit(
      tx,
      actor,
      'client.extend_trial',
      { type: 'client', id: clientId },
      { trial_ends_at: c.trialEndsAt.toISOString() },
      { trial_ends_at: trialEndsAt.toISOString(), days },
    );
  });
  return getClient(db, actor, clientId, now);
}

/**
 * Auto-renew: a client with auto_renew on whose paid period ends within the hour, and nothing queued
 * after it, renews the same package from its own balance. Each client is taken under a transaction-level
 * advisory lock and re-checked, so two instances never renew the same client twice.
 */
export async function autoRenewDue(db: Db, now = new Date()): Promise<number> {
  const horizon = new Date(now.getTime() + AUTO_RENEW_HORIZON_MS).toISOString();
  const due = rowsOf<{ client_id: number; code: string }>(
    await db.execute(sql`
    select s.client_id, s.package_code as code from ${subscriptions} s
    join ${clients} c on c.id = s.client_id and c.auto_renew
    join ${users} u on u.id = c.id and u.status = 'active'
    where s.canceled_at is null and s.starts_at <= ${now.toISOString()}::timestamptz
      and s.ends_at > ${now.toISOString()}::timestamptz and s.ends_at <= ${horizon}::timestamptz
      and not exists (select 1 from ${subscriptions} q where q.client_id = s.client_id and q.canceled_at is null and q.starts_at >= s.ends_at)
    limit 100`),
  );
  let renewed = 0;
  for (const d of due) {
    const clientId = Number(d.client_id);
    try {
      const done = await db.transaction(async (tx) => {
        const [{ ok }] = rowsOf<{ ok: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(727276, ${clientId}) as ok`));
        if (!ok) return false;
        const [queued] = await tx
          .select({ id: subscriptions.id })
          .from(subscriptions)
          .where(
            and(
              eq(subscriptions.clientId, clientId),
              isNull(subscriptions.canceledAt),
              sql`${subscriptions.startsAt} > ${now.toISOString()}::timestamptz`,
            ),
          );
        if (queued) return false;
        await activatePackage(tx, { userId: clientId, role: 'client', ip: null }, clientId, { package_type: d.code }, now);
        return true;
      });
      if (done) renewed++;
    } catch (err) {
      // Not enough balance (or the package left the catalog): the period simply ends; tried again next pass.
      if (!(err instanceof DomainError)) logError(`auto-renew of client ${clientId} failed`, err);
    }
  }
  return renewed;
}
