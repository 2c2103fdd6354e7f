// In-process notifications for open device SSE streams. One instance hears only its own sends; the SSE
// handler also re-checks the database every few seconds, so a device connected to another instance
// still learns of new work within that interval.
import { EventEmitter } from 'node:events';

const key = Symbol.for('sms-platform.events');
type G = typeof globalThis & { [key]?: EventEmitter };

function bus(): EventEmitter {
  const g = globalThis as G;
  if (!g[key]) {
    g[key] = new EventEmitter();
    g[key].setMaxListeners(0);
  }
  return g[key];
}

export interface EnqueuedEvent {
  clientId: number;
  /** Set when the messages were addressed to one device. */
  deviceId: string | null;
}

export function emitEnqueued(e: EnqueuedEvent): void {
  bus().emit(`enqueued:${e.clientId}`, e);
}

export function onEnqueued(clientId: number, fn: (e: EnqueuedEvent) => void): () => void {
  const name = `enqueued:${clientId}`;
  bus().on(name, fn);
  return () => bus().off(name, fn);
}
