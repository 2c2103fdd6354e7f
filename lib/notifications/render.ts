// A notice's words in its reader's language (messages/*.json `notify.<event>`), outside any request: jobs and
// services render for people who are not the one asking. Figures are formatted here, in the reader's locale:
// a param named `*amount` is money, `*at` a date and time, a number a number.
import { createTranslator } from 'next-intl';
import { makeFormat } from '@/lib/i18n/format';
import { intlLocale, type LanguagePref } from '@/lib/i18n/locales';
import en from '@/messages/en.json';
import my from '@/messages/my.json';
import type { EventName } from './events';

export type NoticeParams = Record<string, string | number | null>;

export interface RenderedNotice {
  title: string;
  body: string;
}

function formatted(params: NoticeParams, locale: string): Record<string, string> {
  const f = makeFormat(locale);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    if (v === null) out[k] = '';
    else if (typeof v === 'number' && /amount$/i.test(k)) out[k] = f.money(v);
    else if (/At$/.test(k) && typeof v === 'string') out[k] = f.dateTime(v);
    else out[k] = typeof v === 'number' ? f.number(v) : v;
  }
  return out;
}

/** A translator for one namespace of the catalog, in the reader's language. */
export function translatorFor(pref: LanguagePref, namespace: string): (key: string, values?: Record<string, string>) => string {
  const locale = intlLocale(pref);
  const t = createTranslator({ locale, messages: pref.language === 'my' ? my : en, namespace: namespace as never });
  return (key, values) => (t as unknown as (k: string, v?: Record<string, string>) => string)(key, values);
}

export function renderNotice(event: EventName, params: NoticeParams, pref: LanguagePref): RenderedNotice {
  const values = formatted(params, intlLocale(pref));
  const t = translatorFor(pref, `notify.${event}`);
  // The usage event names its limit (`day` or `period`) in the reader's words.
  if (event === 'usage_limit' && typeof params.limitKind === 'string') values.limitName = t(params.limitKind === 'day' ? 'day' : 'period');
  return { title: t('title', values), body: t('body', values) };
}
