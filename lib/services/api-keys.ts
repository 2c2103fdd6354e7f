import 'server-only';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { apiTokens } from '@/db/schema';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import { newToken } from '@/lib/auth/tokens';
import { notFound } from '@/lib/errors';
import { writeAudit } from './audit';

export interface ApiKeyView {
  id: number;
  name: string;
  prefix: string;
  last_used_at: string | null;
  revoked_at: string | null;
  created_at: string;
}

const view = (t: typeof apiTokens.$inferSelect): ApiKeyView => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  last_used_at: t.lastUsedAt?.toISOString() ?? null,
  revoked_at: t.revokedAt?.toISOString() ?? null,
  created_at: t.createdAt.toISOString(),
});

/** A long-lived API key for the acting reseller or client: random 32 bytes, shown once, stored hashed. */
export async function createApiKey(db: Db, actor: Actor, name: string): Promise<ApiKeyView & { key: string }> {
  assertCan(actor, 'apikey.manage');
  const { token, hash, display } = newToken(actor.role === 'client' ? 'ck' : 'rk');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({ userId: actor.userId, kind: 'api_key', name, tokenHash: hash, prefix: display })
      .returning();
    await writeAudit(tx, actor, 'api_key.create', { type: 'api_key', id: row.id }, null, { name, prefix: display });
    return { ...view(row), key: token };
  });
}

export async function listApiKeys(db: Db, actor: Actor): Promise<ApiKeyView[]> {
  assertCan(actor, 'apikey.manage');
  const rows = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, actor.userId), eq(apiTokens.kind, 'api_key')))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
  return rows.map(view);
}

/** Revokes one of the actor's own keys; another user's key is "not found". */
export async function revokeApiKey(db: Db, actor: Actor, id: number): Promise<ApiKeyView> {
  assertCan(actor, 'apikey.manage');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, actor.userId), eq(apiTokens.kind, 'api_key'), isNull(apiTokens.revokedAt)))
      .returning();
    if (!row) {
      const [existing] = await tx
        .select()
        .from(apiTokens)
        .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, actor.userId), eq(apiTokens.kind, 'api_key')));
      if (!existing) throw notFound('API key');
      return view(existing);
    }
    await writeAudit(tx, actor, 'api_key.revoke', { type: 'api_key', id }, null, { name: row.name, prefix: row.prefix });
    return view(row);
  });
}
