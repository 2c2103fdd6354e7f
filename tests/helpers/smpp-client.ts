// A small SMPP 3.4 ESME for tests, written from the specification with plain Buffers: it shares no code with
// the server's codec (the `smpp` package), so a test passes only when both sides read the bytes the same way.
import { connect, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';

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

function readCstr(b: Buffer, at: number): [string, number] {
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

export class TestEsme {
  private buf = Buffer.alloc(0);
  private seq = 1;
  private waiting = new Map<number, (p: RawPdu) => void>();
  readonly received: RawPdu[] = [];
  readonly delivers: DeliverSm[] = [];
  closed = false;
  private closeWaiters: (() => void)[] = [];
  private deliverWaiters: (() => void)[] = [];
  /** Status answered to the server's deliver_sm (ROK by default); null: do not answer. */
  deliverStatus: number | null = ESME.ROK;

  constructor(readonly socket: Socket) {
    socket.on('data', (c: Buffer) => this.onData(c));
    socket.on('close', () => {
      this.closed = true;
      for (const w of this.closeWaiters) w();
    });
    socket.on('error', () => undefined);
  }

  static open(port: number, host = '127.0.0.1'): Promise<TestEsme> {
    return new Promise((resolve, reject) => {
      const s = connect(port, host, () => resolve(new TestEsme(s)));
      s.once('error', reject);
    });
  }

  private onData(c: Buffer) {
    this.buf = Buffer.concat([this.buf, c]);
    while (this.buf.length >= 16) {
      const len = this.buf.readUInt32BE(0);
      if (this.buf.length < len) return;
      const p: RawPdu = {
        commandId: this.buf.readUInt32BE(4),
        status: this.buf.readUInt32BE(8),
        seq: this.buf.readUInt32BE(12),
        body: Buffer.from(this.buf.subarray(16, len)),
      };
      this.buf = this.buf.subarray(len);
      this.received.push(p);
      if (p.commandId & 0x80000000) {
        const w = this.waiting.get(p.seq);
        this.waiting.delete(p.seq);
        w?.(p);
      } else if (p.commandId === CMD.deliver_sm) {
        this.delivers.push(parseDeliverSm(p));
        if (this.deliverStatus !== null) this.write(pdu(CMD.deliver_sm_resp, p.seq, cstr(''), this.deliverStatus));
        for (const w of this.deliverWaiters.splice(0)) w();
      } else if (p.commandId === CMD.enquire_link) this.write(pdu(CMD.enquire_link_resp, p.seq));
      else if (p.commandId === CMD.unbind) this.write(pdu(CMD.unbind_resp, p.seq));
    }
  }

  write(b: Buffer) {
    if (!this.closed) this.socket.write(b);
  }

  /** Sends a request and waits for the answer with its sequence number (rejects after `ms`). */
  request(commandId: number, body: Buffer = Buffer.alloc(0), opts: { seq?: number; ms?: number } = {}): Promise<RawPdu> {
    const seq = opts.seq ?? this.seq++;
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no answer to 0x${commandId.toString(16)} seq ${seq}`)), opts.ms ?? 10_000);
      this.waiting.set(seq, (p) => {
        clearTimeout(t);
        resolve(p);
      });
      this.write(pdu(commandId, seq, body));
    });
  }

  /** Over TLS (the test's self-signed certificate is not checked). */
  static openTls(port: number, host = '127.0.0.1'): Promise<TestEsme> {
    return new Promise((resolve, reject) => {
      const s = connectTls({ port, host, rejectUnauthorized: false }, () => resolve(new TestEsme(s)));
      s.once('error', reject);
    });
  }

  async bind(systemId: string, password: string, mode: 'transmitter' | 'receiver' | 'transceiver' = 'transceiver'): Promise<RawPdu> {
    const id = { transmitter: CMD.bind_transmitter, receiver: CMD.bind_receiver, transceiver: CMD.bind_transceiver }[mode];
    return this.request(id, bindBody(systemId, password));
  }

  async submit(o: SubmitOptions, seq?: number): Promise<{ status: number; id: string }> {
    const r = await this.request(CMD.submit_sm, submitBody(o), { seq });
    return { status: r.status, id: readCstr(r.body, 0)[0] };
  }

  /** Waits until `n` deliver_sm have arrived (rejects after `ms`). */
  async waitDelivers(n: number, ms = 15_000): Promise<DeliverSm[]> {
    const deadline = Date.now() + ms;
    while (this.delivers.length < n) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`expected ${n} deliver_sm, got ${this.delivers.length}`);
      await new Promise<void>((r) => {
        const t = setTimeout(r, left);
        this.deliverWaiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
    }
    return this.delivers.slice(0, n);
  }

  waitClosed(ms = 10_000): Promise<boolean> {
    if (this.closed) return Promise.resolve(true);
    return new Promise((resolve) => {
      const t = setTimeout(() => resolve(false), ms);
      this.closeWaiters.push(() => {
        clearTimeout(t);
        resolve(true);
      });
    });
  }

  async unbind(): Promise<void> {
    if (this.closed) return;
    await this.request(CMD.unbind).catch(() => undefined);
    this.socket.destroy();
  }

  destroy() {
    this.socket.destroy();
  }
}

/** The parts of a receipt's text: `id:… stat:… err:…`. */
export function receiptFields(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/(id|sub|dlvrd|submit date|done date|stat|err|text):(\S*)/g)) out[m[1]] = m[2];
  return out;
}
