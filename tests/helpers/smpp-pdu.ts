// SMPP 3.4 PDUs for the test ESME (./smpp-client), built and read from the specification with plain Buffers.

export const CMD = {
  generic_nack: 0x80000000,
  bind_receiver: 0x00000001,
  bind_transmitter: 0x00000002,
  submit_sm: 0x00000004,
  submit_sm_resp: 0x80000004,
  deliver_sm: 0x00000005,
  deliver_sm_resp: 0x80000005,
  unbind: 0x00000006,
  unbind_resp: 0x80000006,
  bind_transceiver: 0x00000009,
  enquire_link: 0x00000015,
  enquire_link_resp: 0x80000015,
} as const;

export const ESME = {
  ROK: 0x00,
  RINVMSGLEN: 0x01,
  RINVCMDLEN: 0x02,
  RINVCMDID: 0x03,
  RINVBNDSTS: 0x04,
  RALYBND: 0x05,
  RINVDSTADR: 0x0b,
  RBINDFAIL: 0x0d,
  RINVPASWD: 0x0e,
  RMSGQFUL: 0x14,
  RSUBMITFAIL: 0x45,
  RTHROTTLED: 0x58,
  RINVDCS: 0x104,
} as const;

export interface RawPdu {
  commandId: number;
  status: number;
  seq: number;
  body: Buffer;
}

export const cstr = (s: string) => Buffer.concat([Buffer.from(s, 'latin1'), Buffer.from([0])]);
export const u8 = (n: number) => Buffer.from([n & 0xff]);
export function tlv(tag: number, value: Buffer): Buffer {
  const h = Buffer.alloc(4);
  h.writeUInt16BE(tag, 0);
  h.writeUInt16BE(value.length, 2);
  return Buffer.concat([h, value]);
}
export const u16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n, 0);
  return b;
};

export function pdu(commandId: number, seq: number, body: Buffer = Buffer.alloc(0), status = 0): Buffer {
  const h = Buffer.alloc(16);
  h.writeUInt32BE(16 + body.length, 0);
  h.writeUInt32BE(commandId >>> 0, 4);
  h.writeUInt32BE(status, 8);
  h.writeUInt32BE(seq, 12);
  return Buffer.concat([h, body]);
}

export function bindBody(systemId: string, password: string, systemType = '', version = 0x34): Buffer {
  return Buffer.concat([cstr(systemId), cstr(password), cstr(systemType), u8(version), u8(0), u8(0), cstr('')]);
}

export interface SubmitOptions {
  dest: string;
  destTon?: number;
  destNpi?: number;
  source?: string;
  sourceTon?: number;
  /** The user data (header included when esm has 0x40). */
  message?: Buffer;
  dataCoding?: number;
  esm?: number;
  registeredDelivery?: number;
  validity?: string;
  schedule?: string;
  tlvs?: Buffer[];
}

export function submitBody(o: SubmitOptions): Buffer {
  const sm = o.message ?? Buffer.alloc(0);
  return Buffer.concat([
    cstr(''), // service_type
    u8(o.sourceTon ?? 2),
    u8(1),
    cstr(o.source ?? '12345'),
    u8(o.destTon ?? 1),
    u8(o.destNpi ?? 1),
    cstr(o.dest),
    u8(o.esm ?? 0),
    u8(0), // protocol_id
    u8(0), // priority_flag
    cstr(o.schedule ?? ''),
    cstr(o.validity ?? ''),
    u8(o.registeredDelivery ?? 0),
    u8(0), // replace_if_present_flag
    u8(o.dataCoding ?? 0),
    u8(0), // sm_default_msg_id
    u8(sm.length),
    sm,
    ...(o.tlvs ?? []),
  ]);
}

/** GSM 03.38 for the ASCII letters, digits and punctuation the tests use (one septet per octet). */
export function gsm7(text: string): Buffer {
  return Buffer.from(
    [...text].map((ch) => {
      if (ch === '@') return 0x00;
      if (ch === '$') return 0x02;
      if (ch === '_') return 0x11;
      const c = ch.charCodeAt(0);
      if (c < 0x20 || c > 0x7a || '[\\]^`{|}~'.includes(ch)) throw new Error(`gsm7 test helper: ${ch}`);
      return c;
    }),
  );
}

export const ucs2 = (text: string) => Buffer.from(text, 'utf16le').swap16();

export function concatUdh(ref: number, total: number, seq: number): Buffer {
  return Buffer.from([0x05, 0x00, 0x03, ref, total, seq]);
}

export function readCstr(b: Buffer, at: number): [string, number] {
  const end = b.indexOf(0, at);
  const stop = end < 0 ? b.length : end;
  return [b.toString('latin1', at, stop), stop + 1];
}

export interface DeliverSm {
  seq: number;
  sourceTon: number;
  source: string;
  destTon: number;
  dest: string;
  esm: number;
  dataCoding: number;
  shortMessage: Buffer;
  tlvs: Map<number, Buffer>;
  /** The text, decoded for the codings the server sends (GSM for ASCII, UCS-2). */
  text: string;
}

export function parseDeliverSm(p: RawPdu): DeliverSm {
  const b = p.body;
  let at = 0;
  [, at] = readCstr(b, at); // service_type
  const sourceTon = b[at];
  at += 2;
  const [source, afterSource] = readCstr(b, at);
  at = afterSource;
  const destTon = b[at];
  at += 2;
  const [dest, afterDest] = readCstr(b, at);
  at = afterDest;
  const esm = b[at];
  at += 3; // esm_class, protocol_id, priority_flag
  [, at] = readCstr(b, at); // schedule_delivery_time
  [, at] = readCstr(b, at); // validity_period
  at += 2; // registered_delivery, replace_if_present_flag
  const dataCoding = b[at];
  at += 2; // data_coding, sm_default_msg_id
  const len = b[at];
  at += 1;
  const shortMessage = b.subarray(at, at + len);
  at += len;
  const tlvs = new Map<number, Buffer>();
  while (at + 4 <= b.length) {
    const tag = b.readUInt16BE(at);
    const l = b.readUInt16BE(at + 2);
    tlvs.set(tag, b.subarray(at + 4, at + 4 + l));
    at += 4 + l;
  }
  const data = shortMessage.length ? shortMessage : (tlvs.get(0x0424) ?? Buffer.alloc(0));
  const text = dataCoding === 8 ? Buffer.from(data).swap16().toString('utf16le') : data.toString('latin1');
  return { seq: p.seq, sourceTon, source, destTon, dest, esm, dataCoding, shortMessage, tlvs, text };
}
