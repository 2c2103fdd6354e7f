// How an instance's SMPP server (./server) is set up, and what it keeps per bound client.
import type { Db } from '@/db';
import type { CountryCode } from '@/lib/phone';
import type { SessionOptions } from './session';

export interface SmppServerOptions {
  /** Plain TCP port (0: any free port, null: none). */
  port: number | null;
  tlsPort?: number | null;
  tls?: { cert: Buffer | string; key: Buffer | string } | null;
  host?: string;
  getDb: () => Promise<Db>;
  /** PostgreSQL URL for LISTEN (without it, the outbox is polled). */
  listenUrl?: string;
  bindAttemptsPerMinute?: number;
  session?: Partial<SessionOptions>;
  /** Timers: the session clock, bind heartbeat, outbox poll. */
  tickMs?: number;
  heartbeatMs?: number;
  pollMs?: number;
  instanceId?: string;
}

export interface ClientData {
  throughput: number;
  country: CountryCode;
  passwordChangedAt: Date;
}
