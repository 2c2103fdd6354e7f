// One SMPP connection: framing, the bind state machine, sequential handling of the ESME's requests, our own
// requests (deliver_sm, enquire_link, unbind) with a window and timeouts, and the timers that close dead or
// never-bound connections. Nothing here throws to the socket: a PDU that cannot be read gets generic_nack;
// a stream that cannot be framed is nacked and closed; other connections never notice.
import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import type { SmppBindMode } from '@/db/schema/smpp';
import { decodePdu, encodePdu, isResponse, MAX_PDU_LENGTH, type Pdu, STATUS } from './codec';
import { LAST_FIELD, MODES, type SessionHandlers, type SessionOptions } from './session-options';

export { type BindRequest, DEFAULT_SESSION_OPTIONS, type SessionHandlers, type SessionOptions } from './session-options';

interface Outstanding {
  command: string;
  deadline: number;
  resolve: (pdu: Pdu) => void;
  reject: (err: Error) => void;
}

/** Stops reading from a connection with this many requests waiting (the ESME waits for our answers). */
const MAX_QUEUED = 64;
/** A peer that stops reading while we write this much is dropped. */
const MAX_UNSENT_BYTES = 4 * 1024 * 1024;
const MAX_FAILED_BINDS = 3;

export class SmppSession {
  readonly id = randomUUID();
  readonly remoteIp: string;
  readonly openedAt = Date.now();
  state: 'open' | 'binding' | 'bound' | 'closing' | 'closed' = 'open';
  mode: SmppBindMode | null = null;
  /** Set by the bind handler. */
  clientId: number | null = null;
  systemType = '';
  boundAt: Date | null = null;
  submitted = 0;
  delivered = 0;
  /** Anything the server keeps with the session (limits, country, …). */
  data: Record<string, unknown> = {};

  private buffer: Buffer = Buffer.alloc(0);
  private lastReceived = Date.now();
  private nextSeq = 1;
  private readonly outstanding = new Map<number, Outstanding>();
  private chain: Promise<void> = Promise.resolve();
  private queued = 0;
  private failedBinds = 0;
  private closeReason = '';

  constructor(
    private readonly socket: Socket,
    private readonly opts: SessionOptions,
    private readonly handlers: SessionHandlers,
    readonly tls = false,
  ) {
    this.remoteIp = socket.remoteAddress ?? '';
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', () => this.close('socket error'));
    socket.on('close', () => this.close('connection closed'));
  }

  /** A method, not a narrowed field read: the state changes under awaits and callbacks. */
  isClosed(): boolean {
    return this.state === 'closed';
  }

  get canReceive(): boolean {
    return this.state === 'bound' && (this.mode === 'receiver' || this.mode === 'transceiver');
  }

  get canTransmit(): boolean {
    return this.state === 'bound' && (this.mode === 'transmitter' || this.mode === 'transceiver');
  }

  /** Free places in our request window. */
  get free(): number {
    return this.state === 'bound' ? this.opts.window - this.outstanding.size : 0;
  }

  private onData(chunk: Buffer): void {
    if (this.state === 'closed') return;
    this.lastReceived = Date.now();
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    while (this.buffer.length >= 4 && !this.isClosed()) {
      const length = this.buffer.readUInt32BE(0);
      if (length < 16 || length > MAX_PDU_LENGTH) {
        // The stream cannot be framed any more: say why, then hang up.
        const seq = this.buffer.length >= 16 ? this.buffer.readUInt32BE(12) : 0;
        this.write(encodePdu('generic_nack', seq, {}, STATUS.ESME_RINVCMDLEN));
        this.close(`bad command_length ${length}`, true);
        return;
      }
      if (this.buffer.length < length) return;
      const raw = Buffer.from(this.buffer.subarray(0, length));
      this.buffer = this.buffer.subarray(length);
      this.onPdu(raw);
    }
  }

  private onPdu(raw: Buffer): void {
    const commandId = raw.readUInt32BE(4);
    const seq = raw.readUInt32BE(12);
    let pdu: Pdu;
    try {
      pdu = decodePdu(raw);
    } catch {
      if (!isResponse(commandId)) this.write(encodePdu('generic_nack', seq, {}, STATUS.ESME_RINVCMDLEN));
      return;
    }
    const last = LAST_FIELD[pdu.command];
    if (isResponse(commandId)) this.onResponse(pdu);
    else if (pdu.command === 'unknown') this.write(encodePdu('generic_nack', seq, {}, STATUS.ESME_RINVCMDID));
    else if (last && pdu[last] === undefined) this.write(encodePdu('generic_nack', seq, {}, STATUS.ESME_RINVCMDLEN));
    else if (pdu.command === 'enquire_link') this.write(encodePdu('enquire_link_resp', seq));
    else this.enqueue(() => this.onRequest(pdu, raw));
  }

  /** Requests are answered in order, one at a time; reading pauses while too many wait. */
  private enqueue(fn: () => Promise<void>): void {
    this.queued++;
    if (this.queued >= MAX_QUEUED) this.socket.pause();
    this.chain = this.chain.then(async () => {
      try {
        if (this.state !== 'closed') await fn();
      } catch {
        // A handler bug must not break the chain or the connection.
      } finally {
        this.queued--;
        if (this.queued < MAX_QUEUED / 4 && this.socket.isPaused()) this.socket.resume();
      }
    });
  }

  private async onRequest(pdu: Pdu, raw: Buffer): Promise<void> {
    const seq = pdu.sequence_number;
    const mode = MODES[pdu.command];
    if (mode) return this.onBind(pdu, mode);
    if (pdu.command === 'unbind') {
      this.write(encodePdu('unbind_resp', seq));
      return this.close('unbind', true);
    }
    if (pdu.command === 'submit_sm') {
      if (!this.canTransmit) return this.write(encodePdu('submit_sm_resp', seq, {}, STATUS.ESME_RINVBNDSTS));
      let answer: { status: number; messageId?: string };
      try {
        answer = await this.handlers.submit(this, pdu, raw);
      } catch {
        answer = { status: STATUS.ESME_RSYSERR };
      }
      if (answer.status === STATUS.ESME_ROK) this.submitted++;
      return this.write(encodePdu('submit_sm_resp', seq, { message_id: answer.messageId ?? '' }, answer.status));
    }
    // Requests an ESME may not send, or that we do not offer (query_sm, submit_multi, data_sm, …).
    this.write(encodePdu('generic_nack', seq, {}, STATUS.ESME_RINVCMDID));
  }

  private async onBind(pdu: Pdu, mode: SmppBindMode): Promise<void> {
    const seq = pdu.sequence_number;
    const respond = `${pdu.command}_resp`;
    if (this.state !== 'open') return this.write(encodePdu(respond, seq, {}, STATUS.ESME_RALYBND));
    this.state = 'binding';
    const str = (v: unknown) => (typeof v === 'string' ? v : '');
    let status: number;
    try {
      status = await this.handlers.bind(this, {
        mode,
        systemId: str(pdu.system_id),
        password: str(pdu.password),
        systemType: str(pdu.system_type),
      });
    } catch {
      status = STATUS.ESME_RBINDFAIL;
    }
    if (this.state !== 'binding') return; // closed meanwhile
    if (status !== STATUS.ESME_ROK) {
      this.state = 'open';
      this.write(encodePdu(respond, seq, {}, status));
      if (++this.failedBinds >= MAX_FAILED_BINDS) this.close('too many failed binds', true);
      return;
    }
    this.state = 'bound';
    this.mode = mode;
    this.systemType = str(pdu.system_type).slice(0, 12);
    this.boundAt = new Date();
    const version = typeof pdu.interface_version === 'number' ? pdu.interface_version : 0;
    this.write(encodePdu(respond, seq, { system_id: this.opts.systemId, ...(version >= 0x34 ? { sc_interface_version: 0x34 } : {}) }));
  }

  private onResponse(pdu: Pdu): void {
    const o = this.outstanding.get(pdu.sequence_number);
    if (!o) return;
    this.outstanding.delete(pdu.sequence_number);
    o.resolve(pdu);
  }

  /** Sends one of our requests and waits for its answer (rejects on timeout or when the connection goes). */
  request(command: string, fields: Record<string, unknown> = {}): Promise<Pdu> {
    if (this.state === 'closed') return Promise.reject(new Error('session closed'));
    const seq = this.nextSeq;
    this.nextSeq = this.nextSeq >= 0x7fffffff ? 1 : this.nextSeq + 1;
    const bytes = encodePdu(command, seq, fields);
    return new Promise<Pdu>((resolve, reject) => {
      this.outstanding.set(seq, { command, deadline: Date.now() + this.opts.responseTimeoutMs, resolve, reject });
      this.write(bytes);
    });
  }

  /** The server's clock: bind timeout, enquire_link on silence, answers that never came. */
  tick(now = Date.now()): void {
    if (this.state === 'closed') return;
    if ((this.state === 'open' || this.state === 'binding') && now - this.openedAt > this.opts.bindTimeoutMs) {
      this.close('not bound in time', true);
      return;
    }
    for (const [seq, o] of this.outstanding) {
      if (o.deadline > now) continue;
      this.outstanding.delete(seq);
      o.reject(new Error(`${o.command} not answered`));
      if (o.command === 'enquire_link') {
        this.close('enquire_link not answered', true);
        return;
      }
    }
    const enquiring = [...this.outstanding.values()].some((o) => o.command === 'enquire_link');
    if (this.state === 'bound' && !enquiring && now - this.lastReceived > this.opts.enquireIntervalMs) {
      this.request('enquire_link').catch(() => undefined);
    }
  }

  /** Server-initiated unbind (shutdown, password reset): waits briefly for unbind_resp, then closes. */
  async unbind(reason: string, waitMs = 5_000): Promise<void> {
    if (this.state !== 'bound') return this.close(reason, true);
    this.state = 'closing';
    const answered = this.request('unbind').catch(() => undefined);
    await Promise.race([answered, new Promise((r) => setTimeout(r, waitMs).unref())]);
    this.close(reason, true);
  }

  private write(bytes: Buffer): void {
    if (this.state === 'closed' || this.socket.destroyed) return;
    if (this.socket.writableLength > MAX_UNSENT_BYTES) this.close('peer does not read', false);
    else this.socket.write(bytes);
  }

  close(reason: string, flush = false): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.closeReason = reason;
    for (const o of this.outstanding.values()) o.reject(new Error(`session closed: ${reason}`));
    this.outstanding.clear();
    if (flush && !this.socket.destroyed) {
      this.socket.end();
      setTimeout(() => this.socket.destroy(), 2_000).unref();
    } else this.socket.destroy();
    this.handlers.closed(this, reason);
  }

  get reason(): string {
    return this.closeReason;
  }
}
