// The bad-input tenant's keyword (its keywords enabled): the own id of PATCH/DELETE /api/v1/keywords/{id}.
import type { Db } from '@/db';
import { keywordSettings, keywords } from '@/db/schema';

export async function tenantKeyword(db: Db, clientId: number, label: string): Promise<number> {
  await db.insert(keywordSettings).values({ clientId, keywordLimit: 5 });
  const [kw] = await db
    .insert(keywords)
    .values({ clientId, keyword: `KW${label}`.toUpperCase() })
    .returning();
  return kw.id;
}
