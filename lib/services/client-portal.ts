import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { resellers, users } from '@/db/schema';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { getClient, type ClientView } from './clients';

export interface ClientHome {
  client: ClientView;
  reseller: { name: string; email: string; phone: string };
}

/** What the client portal's status page shows: the account and who to contact about it. */
export async function clientHome(db: Db, actor: Actor, now = new Date()): Promise<ClientHome> {
  assertCan(actor, 'client.self');
  const client = await getClient(db, actor, actor.userId, now);
  const [r] = await db
    .select({ name: users.name, email: users.email, phone: resellers.phone })
    .from(resellers)
    .innerJoin(users, eq(users.id, resellers.id))
    .where(eq(resellers.id, client.reseller_id));
  return { client, reseller: r };
}
