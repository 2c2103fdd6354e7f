// What a submit_sm carries, as text: the user data header (concatenation, national shift tables), SAR
// options, message_payload, and the data codings we accept (GSM 03.38 = 0, IA5 = 1, Latin-1 = 3, UCS-2 = 8).
// And the other way, for deliver_sm: text to data_coding + bytes.
import { smsLength } from '@/lib/sms/encoding';
import { gsm, type Pdu, type SmppStatus, STATUS } from './codec';

export interface Concat {
  ref: number;
  total: number;
  seq: number;
}

/** The user data of one submit_sm without its header: still bytes, so a long message is decoded whole. */
export interface UserData {
  bytes: Buffer;
  dataCoding: number;
  /** GSM national language shift table from the UDH (0: the default alphabet). */
  shift: number;
  concat: Concat | null;
}

export type Result<T> = { ok: true; value: T } | { ok: false; status: SmppStatus; reason: string };
const fail = (status: SmppStatus, reason: string) => ({ ok: false as const, status, reason });

/** The coding family of a data_coding value, or null when we cannot turn it into text. */
export function codingOf(dc: number): 'gsm' | 'latin1' | 'ucs2' | null {
  if (dc === 0) return 'gsm';
  if (dc === 1 || dc === 3) return 'latin1';
  if (dc === 8) return 'ucs2';
  // Data coding group 1111: bit 2 clear is the GSM alphabet with a message class.
  if ((dc & 0xf0) === 0xf0) return dc & 0x04 ? null : 'gsm';
  // General data coding groups 00xx: uncompressed, alphabet in bits 2-3.
  if ((dc & 0xc0) === 0 && !(dc & 0x20)) {
    const alphabet = (dc >> 2) & 0x03;
    if (dc & 0x10 && alphabet === 0) return 'gsm';
    if (dc & 0x10 && alphabet === 2) return 'ucs2';
  }
  return null;
}

/** Splits short_message / message_payload into the header's facts and the user data. */
export function userDataOf(pdu: Pdu): Result<UserData> {
  const sm = Buffer.isBuffer(pdu.short_message) ? pdu.short_message : Buffer.alloc(0);
  const payload = Buffer.isBuffer(pdu.message_payload) ? pdu.message_payload : null;
  if (payload && sm.length) return fail(STATUS.ESME_RINVTLVVAL, 'short_message and message_payload both given');
  const body = payload ?? sm;
  const dataCoding = typeof pdu.data_coding === 'number' ? pdu.data_coding : 0;
  if (!codingOf(dataCoding)) return fail(STATUS.ESME_RINVDCS, `data_coding ${dataCoding} is not supported`);
  const esm = typeof pdu.esm_class === 'number' ? pdu.esm_class : 0;
  let concat: Concat | null = null;
  let shift = 0;
  let bytes = body;
  if (esm & 0x40) {
    const udhl = body[0];
    if (udhl === undefined || udhl + 1 > body.length) return fail(STATUS.ESME_RINVMSGLEN, 'user data header longer than the message');
    for (let i = 1; i < udhl + 1; ) {
      const iei = body[i];
      const iel = body[i + 1];
      if (iel === undefined || i + 2 + iel > udhl + 1) return fail(STATUS.ESME_RINVMSGLEN, 'malformed user data header');
      const data = body.subarray(i + 2, i + 2 + iel);
      if (iei === 0x00 && iel === 3) concat = { ref: data[0], total: data[1], seq: data[2] };
      else if (iei === 0x08 && iel === 4) concat = { ref: data.readUInt16BE(0), total: data[2], seq: data[3] };
      else if ((iei === 0x24 || iei === 0x25) && iel === 1) shift = data[0];
      i += 2 + iel;
    }
    bytes = body.subarray(udhl + 1);
  }
  const sar = [pdu.sar_msg_ref_num, pdu.sar_total_segments, pdu.sar_segment_seqnum];
  if (!concat && sar.every((v) => typeof v === 'number')) {
    const [ref, total, seq] = sar as number[];
    concat = { ref, total, seq };
  }
  if (concat) {
    if (concat.total < 1 || concat.seq < 1 || concat.seq > concat.total)
      return fail(STATUS.ESME_RINVMSGLEN, `part ${concat.seq} of ${concat.total} does not exist`);
    if (concat.total === 1) concat = null;
  }
  if (codingOf(dataCoding) === 'ucs2' && !concat && bytes.length % 2) return fail(STATUS.ESME_RINVMSGLEN, 'UCS-2 text of odd length');
  return { ok: true, value: { bytes, dataCoding, shift, concat } };
}

/** The text of user data (one part or the parts of a long message joined, all in one coding). */
export function decodeText(bytes: Buffer, dataCoding: number, shift = 0): Result<string> {
  const coding = codingOf(dataCoding);
  let text: string;
  if (coding === 'gsm') text = gsm.decode(bytes, shift);
  else if (coding === 'latin1') text = bytes.toString('latin1');
  else if (coding === 'ucs2') {
    if (bytes.length % 2) return fail(STATUS.ESME_RINVMSGLEN, 'UCS-2 text of odd length');
    text = Buffer.from(bytes).swap16().toString('utf16le');
  } else return fail(STATUS.ESME_RINVDCS, `data_coding ${dataCoding} is not supported`);
  // PostgreSQL stores neither NUL nor lone surrogates as text.
  if (text.includes('\u0000') || !text.isWellFormed()) return fail(STATUS.ESME_RINVMSGLEN, 'the text holds NUL or invalid UTF-16');
  return { ok: true, value: text };
}

/** Octets a short_message may hold; longer user data goes into message_payload. */
export const SHORT_MESSAGE_MAX = 254;

/** Text for a deliver_sm: GSM 03.38 when every character has a place there, else UCS-2. */
export function encodeText(text: string): { dataCoding: number; bytes: Buffer } {
  if (smsLength(text).encoding === 'gsm7') return { dataCoding: 0, bytes: gsm.encode(text) };
  return { dataCoding: 8, bytes: Buffer.from(text, 'utf16le').swap16() };
}

/** The short_message or message_payload field carrying these bytes. */
export function userDataFields(bytes: Buffer): Record<string, Buffer> {
  return bytes.length > SHORT_MESSAGE_MAX ? { short_message: Buffer.alloc(0), message_payload: bytes } : { short_message: bytes };
}
