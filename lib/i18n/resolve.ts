import 'server-only';
// Which language this request is read in: the signed-in account's choice, else the browser's remembered
// choice (cookie), else — for a reseller's clients (signed in, or on its subdomain) — the language the
// reseller set for its clients' portal, else Accept-Language, else the platform's default (docs/i18n.md).
import { eq } from 'drizzle-orm';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db';
import { resellers } from '@/db/schema';
import { accountRead } from '@/lib/auth/account-read';
import { requestBrand } from '@/lib/auth/request-brand';
import { sessionClaims } from '@/lib/auth/session-token';
import { getSettings } from '@/lib/services/settings';
import { fromAcceptLanguage } from './accept-language';
import { LANGUAGE_COOKIE, type Language, type LanguagePref, prefOfChoice } from './locales';

async function accountPref(uid: number, sid: string): Promise<{ pref: LanguagePref | null; clientDefault: Language | null }> {
  const row = await accountRead(uid, sid);
  if (!row) return { pref: null, clientDefault: null };
  return {
    pref: row.u.language ? { language: row.u.language, burmeseDigits: row.u.burmeseDigits } : null,
    clientDefault: row.clientLanguage ?? null,
  };
}

async function brandDefault(): Promise<Language | null> {
  const brand = await requestBrand();
  if (!brand) return null;
  const db = await getDb();
  const [r] = await db.select({ l: resellers.clientLanguage }).from(resellers).where(eq(resellers.id, brand.reseller_id));
  return r?.l ?? null;
}

export const requestLanguage = cache(async (): Promise<LanguagePref> => {
  const session = await sessionClaims().catch(() => null);
  const account = session?.uid ? await accountPref(session.uid, session.sid) : { pref: null, clientDefault: null };
  if (account.pref) return account.pref;
  const cookie = prefOfChoice((await cookies()).get(LANGUAGE_COOKIE)?.value);
  if (cookie) return cookie;
  // A reseller's explicit choice for its clients beats a browser's guess (many phones here ask for English).
  const reseller = account.clientDefault ?? (session?.uid ? null : await brandDefault());
  if (reseller) return { language: reseller, burmeseDigits: false };
  const browser = fromAcceptLanguage((await headers()).get('accept-language'));
  if (browser) return { language: browser, burmeseDigits: false };
  return { language: (await getSettings(await getDb())).default_language, burmeseDigits: false };
});
