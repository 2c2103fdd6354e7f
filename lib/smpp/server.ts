// The SMPP server of one app instance: listens (plain and/or TLS), binds clients through their SMPP
// credentials, hands submit_sm to the send service, and pumps the outbox (receipts, inbound SMS) to the
// receivers bound here. Everything shared between instances lives in PostgreSQL: binds (for the maximum per
// client), throughput counters, the parts of long messages, and the outbox, which any instance holding a
// receiver of that client claims; LISTEN/NOTIFY wakes it, a poll every second covers a missed wake-up.

import { createServer, type Server, type Socket } from 'node:net';
import { hostname } from 'node:os';
import { createServer as createTlsServer } from 'node:tls';
import type { Db } from '@/db';
import { hitRateLimit } from '@/lib/http/rate-limit';
import { logError } from '@/lib/log';
import { clientPhoneCountry } from '@/lib/services/recipients';
import { closeBind, openBind, refreshBinds } from '@/lib/services/smpp/binds';
import { checkBindCredentials, ipAllowed, plainIp } from '@/lib/services/smpp/credentials';
import { ackOutbox, claimOutbox, OUTBOX_CHANNEL, type OutboxRow, releaseOutbox, retryOutbox } from '@/lib/services/smpp/outbox';
import { submitSm } from '@/lib/services/smpp/submit';
import { STATUS } from './codec';
import { deliverFields } from './deliver';
import type { ClientData, SmppServerOptions } from './server-options';
import { DEFAULT_SESSION_OPTIONS, type SessionOptions, SmppSession } from './session';

export type { SmppServerOptions } from './server-options';

export class SmppServer {
  readonly instanceId: string;
  readonly sessions = new Set<SmppSession>();
  private readonly servers: Server[] = [];
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly inFlight = new Map<number, SmppSession>();
  private readonly sessionOpts: SessionOptions;
  private listener: { end: () => Promise<void> } | null = null;
  private pumping = false;
  private pumpAgain = false;
  private stopped = false;
  private rr = 0;
  ports: { port: number | null; tlsPort: number | null } = { port: null, tlsPort: null };

  constructor(private readonly opts: SmppServerOptions) {
    this.instanceId = opts.instanceId ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
    this.sessionOpts = { ...DEFAULT_SESSION_OPTIONS, ...opts.session };
  }

  async start(): Promise<{ port: number | null; tlsPort: number | null }> {
    const host = this.opts.host ?? '0.0.0.0';
    if (this.opts.port !== null) {
      this.ports.port = await this.listen(
        createServer((s) => this.accept(s, false)),
        this.opts.port,
        host,
      );
    }
    if (this.opts.tls && this.opts.tlsPort != null) {
      const tlsServer = createTlsServer({ cert: this.opts.tls.cert, key: this.opts.tls.key }, (s) => this.accept(s, true));
      // A failed TLS handshake is the peer's problem, never ours.
      tlsServer.on('tlsClientError', () => undefined);
      this.ports.tlsPort = await this.listen(tlsServer, this.opts.tlsPort, host);
    }
    const every = (ms: number, fn: () => unknown) => {
      const t = setInterval(() => {
        Promise.resolve()
          .then(fn)
          .catch((err) => logError('smpp timer failed', err));
      }, ms);
      t.unref();
      this.timers.push(t);
    };
    every(this.opts.tickMs ?? 1_000, () => {
      for (const s of this.sessions) s.tick();
    });
    every(this.opts.heartbeatMs ?? 15_000, () => this.heartbeat());
    every(this.opts.pollMs ?? 1_000, () => this.wake());
    if (this.opts.listenUrl) await this.listenForOutbox(this.opts.listenUrl);
    return this.ports;
  }

  private listen(server: Server, port: number, host: string): Promise<number> {
    server.maxConnections = 2_000;
    this.servers.push(server);
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        server.on('error', (err) => logError('smpp server error', err));
        const addr = server.address();
        resolve(typeof addr === 'object' && addr ? addr.port : port);
      });
    });
  }

  private async listenForOutbox(url: string): Promise<void> {
    const { default: postgres } = await import('postgres');
    const sql = postgres(url, { max: 1, onnotice: () => {}, connection: { application_name: 'sms-platform-smpp' } });
    await sql.listen(OUTBOX_CHANNEL, (payload) => {
      if (this.receiversOf(Number(payload)).length) this.wake();
    });
    this.listener = { end: () => sql.end({ timeout: 2 }) };
  }

  private accept(socket: Socket, tls: boolean): void {
    if (this.stopped) {
      socket.destroy();
      return;
    }
    socket.on('error', () => undefined);
    const session = new SmppSession(
      socket,
      this.sessionOpts,
      {
        bind: (s, req) => this.bind(s, req),
        submit: (s, pdu, raw) => this.submit(s, pdu, raw),
        closed: (s) => this.closed(s),
      },
      tls,
    );
    this.sessions.add(session);
  }

  private async bind(
    s: SmppSession,
    req: { mode: 'transmitter' | 'receiver' | 'transceiver'; systemId: string; password: string; systemType: string },
  ): Promise<number> {
    const db = await this.opts.getDb();
    const ip = plainIp(s.remoteIp);
    try {
      await hitRateLimit(db, `smpp:bind:${ip}`, this.opts.bindAttemptsPerMinute ?? 60, 60_000);
    } catch {
      return STATUS.ESME_RBINDFAIL;
    }
    if (req.systemId.length > 15 || req.password.length > 8) return STATUS.ESME_RINVPASWD;
    const check = await checkBindCredentials(db, req.systemId, req.password, ip);
    if (!check.ok) return check.reason === 'password' ? STATUS.ESME_RINVPASWD : STATUS.ESME_RBINDFAIL;
    const opened = await openBind(db, {
      id: s.id,
      clientId: check.clientId,
      instanceId: this.instanceId,
      mode: req.mode,
      remoteIp: ip,
      systemType: req.systemType.slice(0, 12),
      tls: s.tls,
    });
    if (!opened.ok) return STATUS.ESME_RBINDFAIL;
    if (s.state === 'closed') {
      await closeBind(db, s.id);
      return STATUS.ESME_RBINDFAIL;
    }
    s.clientId = check.clientId;
    const data: ClientData = {
      throughput: opened.limits.throughput,
      country: await clientPhoneCountry(db, check.clientId),
      passwordChangedAt: check.passwordChangedAt,
    };
    s.data = { ...data };
    if (req.mode !== 'transmitter') setImmediate(() => this.wake());
    return STATUS.ESME_ROK;
  }

  private async submit(s: SmppSession, pdu: Parameters<typeof submitSm>[2], raw: Buffer) {
    const db = await this.opts.getDb();
    const d = s.data as unknown as ClientData;
    if (s.clientId === null) return { status: STATUS.ESME_RINVBNDSTS };
    return submitSm(db, { clientId: s.clientId, ip: plainIp(s.remoteIp), throughput: d.throughput, country: d.country }, pdu, raw);
  }

  private closed(s: SmppSession): void {
    this.sessions.delete(s);
    if (s.clientId === null) return;
    this.opts
      .getDb()
      .then((db) => closeBind(db, s.id))
      .catch((err) => logError('smpp closing a bind failed', err));
  }

  private receiversOf(clientId: number): SmppSession[] {
    return [...this.sessions].filter((s) => s.clientId === clientId && s.canReceive);
  }

  /** Refreshes this instance's binds; closes those whose account changed under them. */
  private async heartbeat(): Promise<void> {
    const bound = [...this.sessions].filter((s) => s.state === 'bound' && s.clientId !== null && s.boundAt && s.mode);
    if (!bound.length) return;
    const db = await this.opts.getDb();
    const states = await refreshBinds(
      db,
      bound.map((s) => ({
        id: s.id,
        clientId: s.clientId as number,
        instanceId: this.instanceId,
        mode: s.mode as 'transmitter',
        remoteIp: plainIp(s.remoteIp),
        systemType: s.systemType,
        tls: s.tls,
        submitted: s.submitted,
        delivered: s.delivered,
        boundAt: s.boundAt as Date,
      })),
    );
    for (const s of bound) {
      const st = states.get(s.clientId as number);
      const d = s.data as unknown as ClientData;
      if (st?.status !== 'active') void s.unbind('account suspended');
      else if (st.passwordChangedAt.getTime() > d.passwordChangedAt.getTime()) void s.unbind('password changed');
      else if (!ipAllowed(st.allowedIps, plainIp(s.remoteIp))) void s.unbind('address no longer allowed');
      else d.throughput = st.limits.throughput;
    }
  }

  /** Asks for an outbox pass (coalesced: one runs at a time, another follows if asked meanwhile). */
  wake(): void {
    if (this.stopped) return;
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    this.pump()
      .catch((err) => logError('smpp outbox pass failed', err))
      .finally(() => {
        this.pumping = false;
        if (this.pumpAgain) {
          this.pumpAgain = false;
          this.wake();
        }
      });
  }

  private async pump(): Promise<void> {
    const receivers = [...this.sessions].filter((s) => s.canReceive && s.clientId !== null);
    if (!receivers.length) return;
    const free = new Map<number, number>();
    for (const s of receivers) free.set(s.clientId as number, (free.get(s.clientId as number) ?? 0) + s.free);
    const clientIds = [...free].filter(([, n]) => n > 0).map(([c]) => c);
    const total = [...free.values()].reduce((a, b) => a + b, 0);
    if (!clientIds.length) return;
    const db = await this.opts.getDb();
    const rows = await claimOutbox(db, clientIds, this.instanceId, Math.min(total, 100));
    for (const row of rows) {
      const s = this.pick(row.clientId);
      if (!s) {
        await releaseOutbox(db, [row.id]);
        continue;
      }
      this.inFlight.set(row.id, s);
      void this.deliver(db, s, row).finally(() => this.inFlight.delete(row.id));
    }
  }

  /** A receiver of the client with room in its window, in turn. */
  private pick(clientId: number): SmppSession | null {
    const list = this.receiversOf(clientId).filter((s) => s.free > 0);
    if (!list.length) return null;
    this.rr = (this.rr + 1) % list.length;
    return list[this.rr];
  }

  private async deliver(db: Db, s: SmppSession, row: OutboxRow): Promise<void> {
    try {
      const resp = await s.request('deliver_sm', deliverFields(row.payload));
      if (resp.command_status === STATUS.ESME_ROK || resp.command_status === STATUS.ESME_RX_P_APPN) {
        // Accepted, or refused for good by the application: either way it is done.
        if (resp.command_status === STATUS.ESME_ROK) s.delivered++;
        await ackOutbox(db, row.id);
      } else await retryOutbox(db, row);
      this.wake();
    } catch {
      // The bind went away: offer it again at once; it timed out: count an attempt.
      if (s.state === 'closed' || s.state === 'closing') await releaseOutbox(db, [row.id]).catch(() => undefined);
      else await retryOutbox(db, row).catch(() => undefined);
    }
  }

  /** Unbinds every session (waiting briefly for their answers), stops listening and the timers. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    await Promise.all([...this.sessions].map((s) => s.unbind('server shutting down', 2_000)));
    await Promise.all(this.servers.map((srv) => new Promise<void>((r) => srv.close(() => r()))));
    await this.listener?.end().catch(() => undefined);
  }
}
