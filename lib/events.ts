// In-process notifications for open device SSE streams. One instance hears only its own sends; the SSE
// handler also re-checks the database every few seconds, so a device connected to another instance
// still learns of new work within that interval.
import { AsyncLocalStorage } from 'node:async_hooks';
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

/** The app's push event types (its ExternalEventType), sent on the device's SSE stream. */
export type DeviceEventType = 'MessageEnqueued' | 'MessageCancelled' | 'SettingsUpdated' | 'WebhooksUpdated';

export interface EnqueuedEvent {
  clientId: number;
  /** Set when the event is for one device (messages addressed to it, a cancellation it must apply). */
  deviceId: string | null;
  /** MessageEnqueued when absent. */
  type?: DeviceEventType;
  /** The frame's `data` (a string map in the app's protocol); null when absent. */
  data?: Record<string, string> | null;
}

const pending = new AsyncLocalStorage<(() => void)[]>();

/**
 * Holds the notifications `fn` emits until it has finished (its transaction committed), so a phone is
 * not told about messages it cannot see yet; if `fn` fails they are dropped with the rolled-back work.
 */
export async function deferEvents<T>(fn: () => Promise<T>): Promise<T> {
  const queue: (() => void)[] = [];
  const result = await pending.run(queue, fn);
  for (const send of queue) send();
  return result;
}

export function emitEnqueued(e: EnqueuedEvent): void {
  const send = () => {
    bus().emit(`enqueued:${e.clientId}`, e);
    bus().emit('enqueued:*', e);
  };
  const queue = pending.getStore();
  if (queue) queue.push(send);
  else send();
}

export function onEnqueued(clientId: number, fn: (e: EnqueuedEvent) => void): () => void {
  const name = `enqueued:${clientId}`;
  bus().on(name, fn);
  return () => bus().off(name, fn);
}

/** Every device event of this process (the optional push relay, lib/services/push-relay.ts). */
export function onAnyDeviceEvent(fn: (e: EnqueuedEvent) => void): () => void {
  bus().on('enqueued:*', fn);
  return () => bus().off('enqueued:*', fn);
}

// Open streams close when the process is asked to stop, so a rolling restart is not held up by phones
// that keep an SSE connection open (they reconnect to another instance).
const closers = Symbol.for('sms-platform.sse-closers');
type GC = typeof globalThis & { [closers]?: Set<() => void> };

export function onShutdown(close: () => void): () => void {
  const g = globalThis as GC;
  if (!g[closers]) {
    const set = new Set<() => void>();
    g[closers] = set;
    for (const sig of ['SIGTERM', 'SIGINT'] as const)
      process.once(sig, () => {
        for (const fn of set) fn();
      });
  }
  g[closers].add(close);
  return () => g[closers]?.delete(close);
}
