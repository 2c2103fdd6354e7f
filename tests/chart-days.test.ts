// The charts' day labels (components/charts.tsx formatDay): a calendar day read without a time-zone shift,
// in the reader's language, with its formatter made once per language and style — and the kept formatters
// never give one language's label to another.
import { describe, expect, test } from 'vitest';
import { formatDay } from '@/components/charts';

describe('formatDay', () => {
  test('English and Burmese, with and without the year, in any order', () => {
    for (let round = 0; round < 2; round++) {
      expect(formatDay('2026-01-12')).toBe('12 Jan');
      expect(formatDay('2026-01-12', true)).toBe('12 Jan 2026');
      const my = formatDay('2026-01-12', true, 'my');
      expect(my).not.toBe('12 Jan 2026');
      expect(my).toMatch(/[\u1000-\u109f]/);
      expect(formatDay('2026-12-31', false, 'en')).toBe('31 Dec');
    }
  });

  test('the day is the calendar day, whatever the machine’s zone', () => {
    expect(formatDay('2026-03-01', true)).toBe('1 Mar 2026');
    expect(formatDay('2024-02-29', true)).toBe('29 Feb 2024');
  });
});
