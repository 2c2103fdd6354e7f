// A small SMPP 3.4 ESME for tests, written from the specification with plain Buffers: it shares no code with
// the server's codec (the `smpp` package), so a test passes only when both sides read the bytes the same way.
import { connect, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import {
  bindBody,
  CMD,
  cstr,
  type DeliverSm,
  ESME,
  parseDeliverSm,
  pdu,
  type RawPdu,
  readCstr,
  type SubmitOptions,
  submitBody,
} from './smpp-pdu';

export * from './smpp-pdu';

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
