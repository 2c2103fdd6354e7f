import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { resellers, users } from '@/db/schema';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import { brandForReseller } from './branding';
import { type ClientView, getClient } from './clients';
import { type PaymentAccountView, resellerPaymentAccounts } from './payment-accounts';
import { resellerCatalog } from './pricing';

export interface ClientHome {
  client: ClientView;
  reseller: { name: string; email: string; phone: string; viber: string | null; telegram: string | null };
  /** Where the client pays its reseller (its enabled payment accounts: docs/payments.md). */
  payment_accounts: PaymentAccountView[];
  /** The package's name as the reseller sells it (its display name), when subscribed. */
  package_display_name: string | null;
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
  const brand = await brandForReseller(db, client.reseller_id);
  const catalog = client.package ? await resellerCatalog(db, client.reseller_id) : [];
  const display = catalog.find((p) => p.package_type === client.package?.package_type)?.display_name ?? client.package?.name ?? null;
  return {
    client,
    reseller: {
      name: brand?.name ?? r.name,
      email: brand?.support_email ?? r.email,
      phone: brand?.support_phone ?? r.phone,
      viber: brand?.support_viber ?? null,
      telegram: brand?.support_telegram ?? null,
    },
    payment_accounts: await resellerPaymentAccounts(db, client.reseller_id),
    package_display_name: display,
  };
}
