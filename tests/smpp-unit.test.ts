// The pure parts of the SMPP server (issue 17): data codings, user data headers, SMPP times, the receipt text,
// the validity of IP ranges, and what a refused send means in SMPP.
import { describe, expect, test } from 'vitest';
import { DomainError } from '@/lib/errors';
import { ipAllowed } from '@/lib/services/smpp/credentials';
import { wantsReceipt } from '@/lib/services/smpp/outbox';
import { smppStatusOf } from '@/lib/services/smpp/submit';
import { destinationToE164, smppAddress } from '@/lib/smpp/address';
import { STATUS } from '@/lib/smpp/codec';
import { receiptText } from '@/lib/smpp/deliver';
import { codingOf, decodeText, encodeText, userDataOf } from '@/lib/smpp/text';
import { parseSmppTime, receiptDate } from '@/lib/smpp/time';
import { ipRange, smppAccountUpdate } from '@/lib/validation/smpp';

const pdu = (f: Record<string, unknown>) => ({
  command: 'submit_sm',
  command_id: 4,
  command_status: 0,
  sequence_number: 1,
  command_length: 0,
  ...f,
});

describe('text', () => {
  test('data codings: 0/0xF0-0xF3 GSM, 1 and 3 Latin-1, 8 UCS-2, the rest refused', () => {
    expect([0, 0xf1, 1, 3, 8, 0x18].map(codingOf)).toEqual(['gsm', 'gsm', 'latin1', 'latin1', 'ucs2', 'ucs2']);
    expect([2, 4, 5, 6, 0xf4, 0x04].map(codingOf)).toEqual([null, null, null, null, null, null]);
  });

  test('GSM 03.38 with the extension table, and the Spanish shift table from the UDH', () => {
    expect(decodeText(Buffer.from([0x00, 0x02, 0x1b, 0x65, 0x1b, 0x3c, 0x41]), 0)).toEqual({ ok: true, value: '@$€[A' });
    const ud = userDataOf(pdu({ esm_class: 0x40, short_message: Buffer.from([0x03, 0x24, 0x01, 0x02, 0x1b, 0x09]) }));
    expect(ud.ok && ud.value.shift).toBe(2);
    expect(ud.ok && decodeText(ud.value.bytes, 0, ud.value.shift)).toEqual({ ok: true, value: 'ç' });
  });

  test('UDH concatenation (8 and 16 bit), SAR, and refusals of broken headers and impossible parts', () => {
    const u8 = userDataOf(pdu({ esm_class: 0x43, short_message: Buffer.from([5, 0, 3, 9, 3, 2, 0x41]) }));
    expect(u8.ok && u8.value).toMatchObject({ concat: { ref: 9, total: 3, seq: 2 }, bytes: Buffer.from([0x41]) });
    const u16 = userDataOf(pdu({ esm_class: 0x40, short_message: Buffer.from([6, 8, 4, 0x12, 0x34, 2, 1, 0x41]) }));
    expect(u16.ok && u16.value.concat).toEqual({ ref: 0x1234, total: 2, seq: 1 });
    const sar = userDataOf(pdu({ short_message: Buffer.from('x'), sar_msg_ref_num: 5, sar_total_segments: 2, sar_segment_seqnum: 2 }));
    expect(sar.ok && sar.value.concat).toEqual({ ref: 5, total: 2, seq: 2 });
    expect(userDataOf(pdu({ esm_class: 0x40, short_message: Buffer.from([9, 0, 3]) }))).toMatchObject({
      ok: false,
      status: STATUS.ESME_RINVMSGLEN,
    });
    expect(userDataOf(pdu({ esm_class: 0x40, short_message: Buffer.from([5, 0, 3, 1, 2, 3, 0x41]) }))).toMatchObject({ ok: false });
    expect(userDataOf(pdu({ short_message: Buffer.from('a'), message_payload: Buffer.from('b') }))).toMatchObject({
      ok: false,
      status: STATUS.ESME_RINVTLVVAL,
    });
    expect(userDataOf(pdu({ data_coding: 4, short_message: Buffer.from('a') }))).toMatchObject({ ok: false, status: STATUS.ESME_RINVDCS });
  });

  test('text that PostgreSQL cannot store (NUL, lone surrogate) is refused; deliver_sm coding picks GSM or UCS-2', () => {
    expect(decodeText(Buffer.from([0x00, 0x00]), 8)).toMatchObject({ ok: false, status: STATUS.ESME_RINVMSGLEN });
    expect(decodeText(Buffer.from([0xd8, 0x3d]), 8)).toMatchObject({ ok: false });
    expect(encodeText('Hello {x}')).toMatchObject({ dataCoding: 0 });
    expect(encodeText('မင်္ဂလာပါ')).toEqual({ dataCoding: 8, bytes: Buffer.from('မင်္ဂလာပါ', 'utf16le').swap16() });
  });
});

describe('addresses and times', () => {
  test('TON/NPI: international, national in the client country, unknown; refusals', () => {
    expect(destinationToE164('959420000901', 1, 'MM')).toBe('+959420000901');
    expect(destinationToE164('0812345678', 2, 'TH')).toBe('+66812345678');
    expect(destinationToE164('09420000901', 2, 'TH')).toBeNull();
    expect(destinationToE164('00959420000901', 0, 'MM')).toBe('+959420000901');
    expect(destinationToE164('Shop', 5, 'MM')).toBeNull();
    expect(smppAddress('+959420000901')).toEqual({ addr: '959420000901', ton: 1, npi: 1 });
    expect(smppAddress('Google Alerts')).toEqual({ addr: 'Google Aler', ton: 5, npi: 0 });
  });

  test('SMPP times: absolute with quarter-hour offsets, relative, empty, invalid', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    expect(parseSmppTime('261201063000026+', now)?.toISOString()).toBe('2026-12-01T00:00:00.000Z'); // +06:30 Yangon
    expect(parseSmppTime('000001000000000R', now)?.toISOString()).toBe('2026-12-02T00:00:00.000Z');
    expect(parseSmppTime('', now)).toBeNull();
    expect(parseSmppTime('tomorrow', now)).toBeUndefined();
    expect(parseSmppTime('261301000000000+', now)).toBeUndefined();
    expect(receiptDate(new Date('2026-12-01T09:05:00Z'))).toBe('2612010905');
  });
});

describe('receipts', () => {
  test('registered_delivery: final (1), failure only (2), success only (3), intermediate (0x10)', () => {
    expect(['sent', 'delivered', 'failed', 'expired'].map((s) => wantsReceipt(1, s as 'sent'))).toEqual([false, true, true, true]);
    expect(['delivered', 'failed'].map((s) => wantsReceipt(2, s as 'sent'))).toEqual([false, true]);
    expect(['delivered', 'failed'].map((s) => wantsReceipt(3, s as 'sent'))).toEqual([true, false]);
    expect(['sent', 'delivered'].map((s) => wantsReceipt(0x10, s as 'sent'))).toEqual([true, false]);
    expect(wantsReceipt(0, 'delivered')).toBe(false);
  });

  test('the standard receipt text', () => {
    const t = receiptText({
      kind: 'receipt',
      part_id: 'abc',
      stat: 'DELIVRD',
      message_state: 2,
      err: '000',
      delivered: true,
      submitted_at: '2026-12-01T09:05:00Z',
      done_at: '2026-12-01T09:06:00Z',
      text: 'မင်္ဂလာပါ hello there',
      source: { addr: '959', ton: 1, npi: 1 },
      dest: { addr: '1', ton: 0, npi: 0 },
    });
    expect(t).toBe('id:abc sub:001 dlvrd:001 submit date:2612010905 done date:2612010906 stat:DELIVRD err:000 text:????????? hello ther');
  });

  test('refusals: quota → ESME_RMSGQFUL, rate → ESME_RTHROTTLED, expired account → ESME_RSUBMITFAIL', () => {
    expect(smppStatusOf(new DomainError('daily_limit_reached', 'x'))).toBe(STATUS.ESME_RMSGQFUL);
    expect(smppStatusOf(new DomainError('period_limit_reached', 'x'))).toBe(STATUS.ESME_RMSGQFUL);
    expect(smppStatusOf(new DomainError('rate_limited', 'x'))).toBe(STATUS.ESME_RTHROTTLED);
    expect(smppStatusOf(new DomainError('subscription_expired', 'x'))).toBe(STATUS.ESME_RSUBMITFAIL);
  });
});

describe('IP ranges', () => {
  test('addresses and CIDR ranges, v4 and v6, normalised; nonsense refused', () => {
    expect(ipRange.parse(' 203.0.113.7 ')).toBe('203.0.113.7/32');
    expect(ipRange.parse('2001:DB8::/32')).toBe('2001:db8::/32');
    for (const bad of ['203.0.113.0/33', '1.2.3', 'localhost', '1.2.3.4/x', '::/129', '1.2.3.4/8/9'])
      expect(ipRange.safeParse(bad).success, bad).toBe(false);
    expect(smppAccountUpdate.safeParse({ allowed_ips: Array(21).fill('1.2.3.4') }).success).toBe(false);
    expect(ipAllowed(['203.0.113.0/24'], '::ffff:203.0.113.9')).toBe(true);
    expect(ipAllowed(['203.0.113.0/24'], '198.51.100.1')).toBe(false);
    expect(ipAllowed(['2001:db8::/32'], '2001:db8::1')).toBe(true);
    expect(ipAllowed([], '198.51.100.1')).toBe(true);
  });
});
