// Parts of the bad-input tenant (tests/helpers/bad-input-world.ts keeps under 300 lines): its keyword (its
// keywords enabled), the own id of PATCH/DELETE /api/v1/keywords/{id}; the reseller's own payment account.
import type { Db } from '@/db';
import { keywordSettings, keywords } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { createPaymentAccount } from '@/lib/services/payment-accounts';

export async function tenantKeyword(db: Db, clientId: number, label: string): Promise<number> {
  await db.insert(keywordSettings).values({ clientId, keywordLimit: 5 });
  const [kw] = await db
    .insert(keywords)
    .values({ clientId, keyword: `KW${label}`.toUpperCase() })
    .returning();
  return kw.id;
}

export function ownPaymentAccount(db: Db, reseller: Actor, label: string, qr: Parameters<typeof createPaymentAccount>[2]['qr_image']) {
  return createPaymentAccount(db, reseller, { method: 'wavepay', account_name: `Shop ${label}`, account_number: '0977', qr_image: qr });
}
