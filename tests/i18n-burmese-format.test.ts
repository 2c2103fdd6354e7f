// Burmese dates and numbers are written by lib/i18n/burmese-format.ts, not by the browser's (trimmed) Intl
// data: they must read exactly as full ICU writes them, for every month and both digit choices.
import { describe, expect, it } from 'vitest';
import { burmeseDigits } from '@/lib/i18n/burmese-format';
import { makeFormat } from '@/lib/i18n/format';

const zone = 'Asia/Yangon';
const days = Array.from({ length: 24 }, (_, i) => new Date(Date.UTC(2026, i, 1 + ((i * 7) % 28), (i * 5) % 24, (i * 13) % 60)));

describe('Burmese dates and numbers without Intl "my" data', () => {
  for (const locale of ['my-MM-u-nu-latn', 'my-MM-u-nu-mymr']) {
    it(`${locale}: dates and times read as full ICU writes them`, () => {
      const f = makeFormat(locale, zone);
      const icuDate = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: zone });
      const icuTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone });
      for (const d of days) {
        expect(f.date(d)).toBe(icuDate.format(d));
        expect(f.dateTime(d)).toBe(icuTime.format(d));
      }
      expect(f.number(1234567)).toBe(new Intl.NumberFormat(locale).format(1234567));
    });
  }

  it('the day is the platform zone’s: 23:00 UTC is the next morning in Yangon', () => {
    expect(makeFormat('my-MM-u-nu-latn', zone).date('2026-12-31T23:00:00Z')).toBe('2027 ဇန် 1');
    expect(burmeseDigits('2027-01-09')).toBe('၂၀၂၇-၀၁-၀၉');
  });
});
