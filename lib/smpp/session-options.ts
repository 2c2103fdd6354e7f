// What an SMPP session is configured with and calls out to (./session): its timers and window, the bind it
// hands to the server to answer, and the fields that end each request's mandatory body.
import type { SmppBindMode } from '@/db/schema/smpp';
import type { Pdu } from './codec';
import type { SmppSession } from './session';

export interface SessionOptions {
  /** A connection not bound within this time is closed. */
  bindTimeoutMs: number;
  /** After this long without a PDU from the ESME, we send enquire_link. */
  enquireIntervalMs: number;
  /** Our requests (deliver_sm, enquire_link, unbind) not answered within this time fail; an unanswered enquire_link closes. */
  responseTimeoutMs: number;
  /** Our requests outstanding at once. */
  window: number;
  /** The system_id we answer binds with. */
  systemId: string;
}

export const DEFAULT_SESSION_OPTIONS: SessionOptions = {
  bindTimeoutMs: 30_000,
  enquireIntervalMs: 30_000,
  responseTimeoutMs: 30_000,
  window: 10,
  systemId: 'SMSGATEWAY',
};

export interface BindRequest {
  mode: SmppBindMode;
  systemId: string;
  password: string;
  systemType: string;
}

export interface SessionHandlers {
  /** Answers a bind: ESME_ROK binds the session. */
  bind(session: SmppSession, req: BindRequest): Promise<number>;
  /** Answers a submit_sm of a bound transmitter or transceiver. */
  submit(session: SmppSession, pdu: Pdu, raw: Buffer): Promise<{ status: number; messageId?: string }>;
  /** Once, when the connection is gone (after a bind: the bind is over). */
  closed(session: SmppSession, reason: string): void;
}

export const MODES: Record<string, SmppBindMode> = {
  bind_transmitter: 'transmitter',
  bind_receiver: 'receiver',
  bind_transceiver: 'transceiver',
};

/** What each request's mandatory body ends with: a PDU cut short of it is malformed. */
export const LAST_FIELD: Record<string, string> = {
  bind_transmitter: 'address_range',
  bind_receiver: 'address_range',
  bind_transceiver: 'address_range',
  submit_sm: 'short_message',
};
