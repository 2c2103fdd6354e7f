import 'server-only';
// Optional wake-up of phones left in the app's AUTO channel (a Firebase push token, no SSE stream),
// through the upstream push relay that the app's own private server uses: POST `${PUSH_UPSTREAM_URL}/push`
// with `[{token, event, data}]` (e.g. PUSH_UPSTREAM_URL=https://api.sms-gate.app/upstream/v1). Off unless
// PUSH_UPSTREAM_URL is set. Events of this process are collected and sent in one batch per debounce window
// (the public relay accepts 5 requests a minute). See docs/device-protocol.md §5.
import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { devices } from '@/db/schema';
import { type EnqueuedEvent, onAnyDeviceEvent } from '@/lib/events';
import { logError } from '@/lib/log';

export interface PushNotification {
  token: string;
  event: string;
  data: Record<string, string>;
}

/** The notifications for a batch of events: AUTO-channel phones with a push token, enabled, not removed. */
export async function pushTargets(db: Db, events: EnqueuedEvent[]): Promise<PushNotification[]> {
  if (!events.length) return [];
  const clientIds = [...new Set(events.map((e) => e.clientId))];
  const rows = await db
    .select({ id: devices.id, clientId: devices.clientId, token: devices.pushToken, enabled: devices.enabled })
    .from(devices)
    .where(
      and(
        inArray(devices.clientId, clientIds),
        isNull(devices.removedAt),
        isNotNull(devices.pushToken),
        eq(devices.notificationChannel, 'AUTO'),
      ),
    );
  const out = new Map<string, PushNotification>();
  for (const e of events) {
    const type = e.type ?? 'MessageEnqueued';
    for (const d of rows) {
      if (d.clientId !== e.clientId || (e.deviceId && e.deviceId !== d.id) || !d.token) continue;
      // A disabled phone is given no work, so it is not woken for it (cancellations and settings still go).
      if (!d.enabled && type === 'MessageEnqueued') continue;
      const n = { token: d.token, event: type, data: e.data ?? {} };
      out.set(JSON.stringify(n), n);
    }
  }
  return [...out.values()];
}

export interface PushRelayOptions {
  url: string;
  getDb: () => Promise<Db>;
  debounceMs?: number;
  fetch?: typeof fetch;
}

/** Starts listening; returns a stop function that sends what is still waiting. */
export function startPushRelay(opts: PushRelayOptions): () => Promise<void> {
  const endpoint = `${opts.url.replace(/\/+$/, '')}/push`;
  const debounce = opts.debounceMs ?? 5_000;
  const doFetch = opts.fetch ?? fetch;
  let waiting: EnqueuedEvent[] = [];
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<void> = Promise.resolve();

  const flush = async () => {
    timer = null;
    const batch = waiting;
    waiting = [];
    try {
      const body = await pushTargets(await opts.getDb(), batch);
      if (!body.length) return;
      const res = await doFetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'sms-platform (server)' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      await res.arrayBuffer().catch(() => undefined);
      if (res.status >= 400) logError('push relay refused', new Error(`HTTP ${res.status} from ${endpoint}`));
    } catch (err) {
      logError('push relay failed', err);
    }
  };
  const off = onAnyDeviceEvent((e) => {
    waiting.push(e);
    if (!timer) {
      timer = setTimeout(() => {
        inFlight = flush();
      }, debounce);
      timer.unref();
    }
  });
  return async () => {
    off();
    if (timer) {
      clearTimeout(timer);
      inFlight = flush();
    }
    await inFlight;
  };
}
