// Zawgyi detection and conversion (lib/text/zawgyi.ts) on myanmar-tools' own data: its compatibility table
// of probabilities and its Zawgyi/Unicode parallel texts (a government news page, the UDHR).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isZawgyi, toUnicode, unicodeName, ZAWGYI_THRESHOLD, zawgyiProbability, zawgyiToUnicode } from '@/lib/text/zawgyi';

const resources = path.resolve(import.meta.dirname, '../node_modules/myanmar-tools/resources');
const lines = (f: string) =>
  readFileSync(path.join(resources, f), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'));

// Lines of the library's compatibility.tsv: its expected probability for each text.
const compat = readFileSync(path.join(resources, 'compatibility.tsv'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => {
    const tab = l.indexOf('\t');
    return { p: l.slice(0, tab) === '-Infinity' ? 0 : Number(l.slice(0, tab)), text: l.slice(tab + 1) };
  });

describe('Zawgyi detection', () => {
  it('matches the library compatibility table (no Myanmar characters → 0, not -Infinity)', () => {
    expect(compat.length).toBeGreaterThan(30);
    for (const { p, text } of compat) expect(zawgyiProbability(text)).toBeCloseTo(p, 6);
  });

  it('is Zawgyi at the threshold and above, not just below', () => {
    expect(ZAWGYI_THRESHOLD).toBe(0.95);
    // 0.9526 in the table: just over.
    expect(zawgyiProbability('အ')).toBeGreaterThanOrEqual(0.95);
    expect(zawgyiProbability('အ')).toBeLessThan(0.953);
    expect(isZawgyi('အ')).toBe(true);
    // 0.789 (Unicode that looks a little like Zawgyi): under.
    expect(isZawgyi('လူခပ်သိမ်း၏')).toBe(false);
    expect(isZawgyi('စား')).toBe(false); // 0.78
    expect(isZawgyi('ထား မထီေ')).toBe(true); // 0.9977
  });

  it('strong signals both ways', () => {
    expect(zawgyiProbability('အျပည္ျပည္ဆိုင္ရာ လူ႔အခြင့္အေရး ေၾကညာစာတမ္း')).toBeGreaterThan(0.999);
    expect(zawgyiProbability('အပြည်ပြည်ဆိုင်ရာ လူ့အခွင့်အရေး ကြေညာစာတမ်း')).toBeLessThan(0.001);
  });

  it('empty, ASCII-only and Myanmar digits are not Zawgyi', () => {
    expect(zawgyiProbability('')).toBe(0);
    expect(zawgyiProbability('Your code is 1234')).toBe(0);
    expect(zawgyiProbability('၅၂၀')).toBe(0);
    expect(toUnicode('')).toEqual({ text: '', converted: false });
    expect(toUnicode('Hello, world!')).toEqual({ text: 'Hello, world!', converted: false });
  });

  it('mixed ASCII and Burmese is judged by its Burmese', () => {
    expect(isZawgyi('ascii mixed with ဘဂၤလားေဒရွ္႕ zawgyi')).toBe(true);
    expect(isZawgyi('ascii mixed with စင်္ကာပူမှာ unicode')).toBe(false);
    expect(isZawgyi('OTP 4821 ကို ဘယ္သူ႔ကိုမွ် မေပးပါနဲ႔')).toBe(true);
  });
});

describe('Zawgyi → Unicode conversion', () => {
  it('converts the parallel texts line by line to the library expected Unicode', () => {
    for (const [zg, uni] of [
      ['mmgov_zawgyi_src.txt', 'mmgov_unicode_out.txt'],
      ['udhr_mya_zawgyi_out.txt', 'udhr_mya_unicode_src.txt'],
    ] as const) {
      const z = lines(zg);
      const u = lines(uni);
      expect(z.length).toBe(u.length);
      let checked = 0;
      z.forEach((line, i) => {
        // The UDHR pair was made Unicode → Zawgyi, so only its lines that go back exactly are a pair.
        if (zg.startsWith('mmgov') || zawgyiToUnicode(line) === u[i]) {
          expect(zawgyiToUnicode(line)).toBe(u[i]);
          checked++;
        }
      });
      expect(checked).toBeGreaterThan(z.length / 2);
    }
  });

  it('known pairs', () => {
    expect(zawgyiToUnicode('ေမာင္ေမာင္')).toBe('မောင်မောင်');
    expect(zawgyiToUnicode('အျပည္ျပည္ဆိုင္ရာ လူ႔အခြင့္အေရး ေၾကညာစာတမ္း')).toBe('အပြည်ပြည်ဆိုင်ရာ လူ့အခွင့်အရေး ကြေညာစာတမ်း');
    expect(zawgyiToUnicode('ဘဂၤလားေဒရွ္႕')).toBe('ဘင်္ဂလားဒေရှ့်');
  });

  it('toUnicode converts Zawgyi, leaves Unicode alone, and keeps the encoding when asked', () => {
    expect(toUnicode('ေမာင္ေမာင္')).toEqual({ text: 'မောင်မောင်', converted: true });
    expect(toUnicode('မောင်မောင်')).toEqual({ text: 'မောင်မောင်', converted: false });
    expect(toUnicode('ေမာင္ေမာင္', true)).toEqual({ text: 'ေမာင္ေမာင္', converted: false });
    // Over the threshold but the conversion changes nothing: not reported as converted.
    expect(toUnicode('အ')).toEqual({ text: 'အ', converted: false });
    expect(unicodeName('ဦးေအာင္')).toBe('ဦးအောင်');
    expect(unicodeName('Ko Aung')).toBe('Ko Aung');
  });
});
