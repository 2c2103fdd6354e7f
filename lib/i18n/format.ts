// Dates, numbers and MMK amounts in the reader's language (Intl only). Server components that are async
// use getFormat() (lib/i18n/server.ts); everything else useFormat().
import { useLocale } from 'next-intl';
import { burmeseFormat } from './burmese-format';
import { languageOf } from './locales';

export const PLATFORM_TIME_ZONE = 'Asia/Yangon';

export interface Format {
  locale: string;
  number(n: number): string;
  /** `1,000 MMK` in English, `1,000 ကျပ်` in Burmese (digits as the reader chose). */
  money(amount: number, currency?: string): string;
  date(iso: string | Date | null | undefined): string;
  dateTime(iso: string | Date | null | undefined): string;
}

const cache = new Map<string, Format>();

export function makeFormat(locale: string, timeZone = PLATFORM_TIME_ZONE): Format {
  const key = `${locale}|${timeZone}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const my = languageOf(locale) === 'my';
  if (my) {
    const b = burmeseFormat(/-nu-mymr/.test(locale), timeZone);
    const f: Format = {
      locale,
      number: b.number,
      money: (amount, currency = 'MMK') => `${b.number(amount)} ${currency === 'MMK' ? 'ကျပ်' : currency}`,
      date: (iso) => (iso ? b.date(iso) : '—'),
      dateTime: (iso) => (iso ? b.dateTime(iso) : '—'),
    };
    cache.set(key, f);
    return f;
  }
  // English keeps the wording the portals always had: 1,000 MMK and "2 Dec 2026, 13:05".
  const numLocale = my ? locale : 'en-US';
  const dateLocale = my ? locale : 'en-GB';
  const num = new Intl.NumberFormat(numLocale);
  const date = new Intl.DateTimeFormat(dateLocale, { dateStyle: 'medium', timeZone });
  const dateTime = new Intl.DateTimeFormat(dateLocale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const f: Format = {
    locale,
    number: (n) => num.format(n),
    money: (amount, currency = 'MMK') => `${num.format(amount)} ${my && currency === 'MMK' ? 'ကျပ်' : currency}`,
    date: (iso) => (iso ? date.format(new Date(iso)) : '—'),
    dateTime: (iso) => (iso ? dateTime.format(new Date(iso)) : '—'),
  };
  cache.set(key, f);
  return f;
}

/** The reader's formatter in a client component or a server component that is not async. */
export function useFormat(timeZone?: string): Format {
  return makeFormat(useLocale(), timeZone);
}
