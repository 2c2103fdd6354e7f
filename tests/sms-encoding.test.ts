import { expect, test } from 'vitest';
import { smsLength } from '@/lib/sms/encoding';

test('GSM-7: 160 characters fit one SMS, 161 need two parts of 153', () => {
  expect(smsLength('a'.repeat(160))).toMatchObject({ encoding: 'gsm7', segments: 1, perSegment: 160, remaining: 0 });
  expect(smsLength('a'.repeat(161))).toMatchObject({ encoding: 'gsm7', segments: 2, perSegment: 153, remaining: 145 });
  expect(smsLength('a'.repeat(306)).segments).toBe(2);
  expect(smsLength('a'.repeat(307)).segments).toBe(3);
});

test('GSM extension characters count twice', () => {
  expect(smsLength('€'.repeat(80))).toMatchObject({ encoding: 'gsm7', units: 160, segments: 1 });
  expect(smsLength('€'.repeat(81)).segments).toBe(2);
});

test('Myanmar script needs UCS-2: 70 per SMS, 67 per part', () => {
  const mm = 'မင်္ဂလာပါ'; // 9 UTF-16 units
  expect(smsLength(mm)).toMatchObject({ encoding: 'ucs2', units: mm.length, segments: 1 });
  expect(smsLength('က'.repeat(70))).toMatchObject({ encoding: 'ucs2', segments: 1, remaining: 0 });
  expect(smsLength('က'.repeat(71))).toMatchObject({ encoding: 'ucs2', segments: 2, perSegment: 67 });
  expect(smsLength('Hello က').encoding).toBe('ucs2');
});

test('an empty message has no segments', () => {
  expect(smsLength('')).toMatchObject({ segments: 0, units: 0 });
});
