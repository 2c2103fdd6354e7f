'use client';
// The language choice on every page (root layout): a select that submits itself; the button is there for
// browsers without scripts.
import { useLocale, useTranslations } from 'next-intl';
import { setLanguageAction } from '@/app/language/actions';
import { CHOICES, type LanguageChoice } from '@/lib/i18n/locales';

function currentChoice(locale: string): LanguageChoice {
  if (!locale.startsWith('my')) return 'en';
  return locale.includes('nu-mymr') ? 'my-mymr' : 'my';
}

export function LanguageSwitcher() {
  const t = useTranslations('language');
  const locale = useLocale();
  return (
    <form action={setLanguageAction} className="flex items-center gap-2 text-xs text-slate-500" data-testid="language-switcher">
      <label htmlFor="language-select">{t('label')}</label>
      <select
        id="language-select"
        name="language"
        defaultValue={currentChoice(locale)}
        key={locale}
        onChange={(e) => e.currentTarget.form?.requestSubmit()}
        className="rounded-md border border-slate-300 bg-white px-1.5 py-1 text-xs text-slate-700"
      >
        {CHOICES.map((c) => (
          <option key={c} value={c} lang={c === 'en' ? 'en' : 'my'}>
            {t(`choice.${c}`)}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="rounded-md border border-slate-300 px-2 py-1">
          {t('apply')}
        </button>
      </noscript>
    </form>
  );
}
