import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { resellers, users } from '@/db/schema';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import type { Language, LanguagePref } from '@/lib/i18n/locales';

/** A person's own interface language and digits (any role, only their own account; docs/i18n.md). */
export async function setUserLanguage(db: Db, actor: Actor, pref: LanguagePref): Promise<void> {
  await db
    .update(users)
    .set({ language: pref.language, burmeseDigits: pref.burmeseDigits, updatedAt: new Date() })
    .where(eq(users.id, actor.userId));
}

/** The language a reseller's clients' portal opens in for a client who chose none (null: platform default). */
export async function setResellerClientLanguage(db: Db, actor: Actor, language: Language | null): Promise<void> {
  assertCan(actor, 'branding.manage');
  await db.update(resellers).set({ clientLanguage: language }).where(eq(resellers.id, actor.userId));
}

export async function resellerClientLanguage(db: Db, actor: Actor): Promise<Language | null> {
  assertCan(actor, 'branding.manage');
  const [r] = await db.select({ l: resellers.clientLanguage }).from(resellers).where(eq(resellers.id, actor.userId));
  return r?.l ?? null;
}
