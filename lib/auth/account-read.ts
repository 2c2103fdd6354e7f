import 'server-only';
// The signed-in account as a page needs it, in one statement (issue 12): the user row and whether this
// browser session was revoked (lib/auth/session.ts decides if it is still signed in), the language its
// reseller set for a client's portal (lib/i18n/resolve.ts), and what every portal's header shows: the unread
// notifications and, for a reseller, its credit. The guard and the language both ask during a render: React
// cache gives them the same read (outside a render, every call reads afresh).
import { eq, sql } from 'drizzle-orm';
import { cache } from 'react';
import { getDb } from '@/db';
import { clients, notifications, resellers, revokedSessions, users } from '@/db/schema';
import { unreadOf } from '@/lib/notifications/inbox';

export const accountRead = cache(async (uid: number, sid: string) => {
  const db = await getDb();
  const [row] = await db
    .select({
      u: users,
      revoked: sql<boolean>`exists (select 1 from ${revokedSessions} where ${revokedSessions.sid} = ${sid})`,
      clientLanguage: resellers.clientLanguage,
      unread: sql<number>`(select count(*)::int from ${notifications} where ${unreadOf(users.id)})`,
      resellerCredit: sql<number | null>`(select r.credit_balance from ${resellers} r where r.id = ${users.id})`,
    })
    .from(users)
    .leftJoin(clients, eq(clients.id, users.id))
    .leftJoin(resellers, eq(resellers.id, clients.resellerId))
    .where(eq(users.id, uid));
  return row
    ? { ...row, unread: Number(row.unread), resellerCredit: row.resellerCredit === null ? null : Number(row.resellerCredit) }
    : null;
});
