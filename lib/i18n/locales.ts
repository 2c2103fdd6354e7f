// The interface languages and how a person's choice becomes an Intl locale (docs/i18n.md). Shared by the
// server and the browser: no database, no request.
export const LANGUAGES = ['en', 'my'] as const;
export type Language = (typeof LANGUAGES)[number];

/** What a person picks in the switcher: English, Burmese with 0-9, or Burmese with Burmese digits (၁၂၃). */
export const CHOICES = ['en', 'my', 'my-mymr'] as const;
export type LanguageChoice = (typeof CHOICES)[number];

/** The browser's remembered choice for a visitor who is not signed in (a signed-in choice lives on the account). */
export const LANGUAGE_COOKIE = 'lang';

export interface LanguagePref {
  language: Language;
  burmeseDigits: boolean;
}

export const isLanguage = (v: unknown): v is Language => v === 'en' || v === 'my';

export function choiceOf(p: LanguagePref): LanguageChoice {
  return p.language === 'en' ? 'en' : p.burmeseDigits ? 'my-mymr' : 'my';
}

export function prefOfChoice(c: string | null | undefined): LanguagePref | null {
  if (c === 'en' || c === 'my') return { language: c, burmeseDigits: false };
  if (c === 'my-mymr') return { language: 'my', burmeseDigits: true };
  return null;
}

/**
 * The locale next-intl and every Intl formatter use. Burmese carries its numbering system explicitly: CLDR's
 * default for `my` is Burmese digits, and most people here read 0-9, so Burmese digits are opt-in.
 */
export function intlLocale(p: LanguagePref): string {
  if (p.language === 'en') return 'en';
  return p.burmeseDigits ? 'my-MM-u-nu-mymr' : 'my-MM-u-nu-latn';
}

/** The interface language of an Intl locale from intlLocale (`<html lang>`, which catalog). */
export function languageOf(locale: string): Language {
  return locale.startsWith('my') ? 'my' : 'en';
}
