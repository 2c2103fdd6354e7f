'use server';
import { cookies } from 'next/headers';
import { sessionUser } from '@/lib/auth/session';
import { choiceOf, LANGUAGE_COOKIE, prefOfChoice } from '@/lib/i18n/locales';
import { setUserLanguage } from '@/lib/services/language';

/**
 * The language switcher (every page): the choice goes on the account when signed in, and into the cookie
 * either way, so the sign-in page after signing out stays in the same language (docs/i18n.md).
 */
export async function setLanguageAction(fd: FormData): Promise<void> {
  const pref = prefOfChoice(fd instanceof FormData ? String(fd.get('language') ?? '') : null);
  if (!pref) return;
  (await cookies()).set(LANGUAGE_COOKIE, choiceOf(pref), { path: '/', maxAge: 400 * 86_400, sameSite: 'lax', httpOnly: true });
  const user = await sessionUser();
  if (user) await setUserLanguage(user.db, user.actor, pref);
}
