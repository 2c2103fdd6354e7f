// next-intl's per-request configuration (next.config.ts points the plugin here): no locale in the URL, the
// language comes from lib/i18n/resolve.ts; times are the platform's zone.
import { getRequestConfig } from 'next-intl/server';
import en from '@/messages/en.json';
import my from '@/messages/my.json';
import { PLATFORM_TIME_ZONE } from './format';
import { intlLocale } from './locales';
import { requestLanguage } from './resolve';

export default getRequestConfig(async () => {
  const pref = await requestLanguage();
  return { locale: intlLocale(pref), messages: pref.language === 'my' ? my : en, timeZone: PLATFORM_TIME_ZONE };
});
