// The language choice → Intl locale mapping, Accept-Language negotiation and per-language formatting
// (docs/i18n.md).
import { describe, expect, it } from 'vitest';
import { fromAcceptLanguage } from '@/lib/i18n/accept-language';
import { makeFormat } from '@/lib/i18n/format';
import { choiceOf, intlLocale, languageOf, prefOfChoice } from '@/lib/i18n/locales';

describe('language choice', () => {
  it('maps each switcher choice to a language and digits and back', () => {
    for (const c of ['en', 'my', 'my-mymr'] as const) expect(choiceOf(prefOfChoice(c)!)).toBe(c);
    expect(prefOfChoice('fr')).toBeNull();
    expect(prefOfChoice(undefined)).toBeNull();
    expect(intlLocale({ language: 'my', burmeseDigits: true })).toBe('my-MM-u-nu-mymr');
    expect(intlLocale({ language: 'my', burmeseDigits: false })).toBe('my-MM-u-nu-latn');
    expect(intlLocale({ language: 'en', burmeseDigits: true })).toBe('en');
    expect(languageOf('my-MM-u-nu-latn')).toBe('my');
    expect(languageOf('en')).toBe('en');
  });

  it('takes the first language we have from Accept-Language, by q-value', () => {
    expect(fromAcceptLanguage('my-MM,my;q=0.9,en;q=0.8')).toBe('my');
    expect(fromAcceptLanguage('en-US,en;q=0.9')).toBe('en');
    expect(fromAcceptLanguage('fr-FR,en;q=0.5,my;q=0.7')).toBe('my');
    expect(fromAcceptLanguage('fr-FR,de;q=0.9')).toBeNull();
    expect(fromAcceptLanguage('')).toBeNull();
    expect(fromAcceptLanguage(null)).toBeNull();
  });
});

describe('formatting per language', () => {
  const at = new Date('2026-12-02T06:30:00Z');

  it('English keeps the wording the portals always had', () => {
    const f = makeFormat('en');
    expect(f.money(1234567)).toBe('1,234,567 MMK');
    expect(f.number(1000)).toBe('1,000');
    expect(f.date(at)).toBe('2 Dec 2026');
    expect(f.dateTime(at)).toBe('2 Dec 2026, 13:00');
    expect(f.date(null)).toBe('—');
  });

  it('Burmese with 0-9 by default, Burmese digits when chosen', () => {
    const latn = makeFormat('my-MM-u-nu-latn');
    expect(latn.money(1234567)).toBe('1,234,567 ကျပ်');
    expect(latn.dateTime(at)).toMatch(/2026/);
    const mymr = makeFormat('my-MM-u-nu-mymr');
    expect(mymr.money(1234567)).toBe('၁,၂၃၄,၅၆၇ ကျပ်');
    expect(mymr.number(42)).toBe('၄၂');
    expect(mymr.date(at)).toMatch(/၂၀၂၆/);
    expect(mymr.date(at)).not.toMatch(/[0-9]/);
  });
});
