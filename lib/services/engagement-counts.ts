// What the reseller sees of a client's messaging product (issue 14): keyword limit and keywords, campaigns,
// received SMS and opted-out numbers.
import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '@/db';
import { clients } from '@/db/schema';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import { notFound } from '@/lib/errors';

export interface ClientEngagement {
  keyword_limit: number;
  keywords: number;
  campaigns: number;
  inbound: number;
  opted_out: number;
}

/** The counts, in one statement; campaigns are counted once their table exists (docs/engagement.md). */
export async function clientEngagement(db: Db, actor: Actor, clientId: number): Promise<ClientEngagement> {
  assertCan(actor, 'client.read');
  const [c] = await db.select({ resellerId: clients.resellerId }).from(clients).where(eq(clients.id, clientId));
  if (!c || (actor.role === 'reseller' && c.resellerId !== actor.userId)) throw notFound('Client');
  const [t] = rowsOf<{ has: boolean }>(await db.execute(sql`select to_regclass('public.campaigns') is not null as has`));
  const campaigns = t?.has ? sql`(select count(*) from campaigns where client_id = ${clientId})` : sql`0`;
  const [row] = rowsOf<Record<keyof ClientEngagement, number | string>>(
    await db.execute(sql`select
      coalesce((select keyword_limit from keyword_settings where client_id = ${clientId}), 0) as keyword_limit,
      (select count(*) from keywords where client_id = ${clientId}) as keywords,
      ${campaigns} as campaigns,
      (select count(*) from inbound_messages where client_id = ${clientId}) as inbound,
      (select count(*) from blocklist where client_id = ${clientId}) as opted_out`),
  );
  return {
    keyword_limit: Number(row.keyword_limit),
    keywords: Number(row.keywords),
    campaigns: Number(row.campaigns),
    inbound: Number(row.inbound),
    opted_out: Number(row.opted_out),
  };
}
