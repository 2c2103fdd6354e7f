// GET /api/mobile/v1/events — server-sent events for one device, in the app's frames: `MessageEnqueued`
// when work arrives, `MessageCancelled {messageId}`, `SettingsUpdated`, `WebhooksUpdated`, and a
// `:keepalive` comment every 15 s. Events are heard in-process at once; work queued or cancelled on another
// instance is found by a database check every 5 s. A disabled device is never woken.
import { getDb } from '@/db';
import { onEnqueued, onShutdown } from '@/lib/events';
import { mobile } from '@/lib/http/families';
import { logError } from '@/lib/log';
import { deviceWake } from '@/lib/services/device-queue';

export const dynamic = 'force-dynamic';

const KEEPALIVE_MS = 15_000;
const RECHECK_MS = 5_000;
// A stream lives at most 30 minutes; the app reconnects (and pulls) at once.
const MAX_LIFETIME_MS = 30 * 60_000;

export const GET = mobile(
  {
    summary: 'Server-sent events: MessageEnqueued, MessageCancelled, SettingsUpdated, WebhooksUpdated, keepalive comments',
    auth: 'device',
    response: null,
    contentType: 'text/event-stream',
  },
  async ({ req, device }) => {
    const enc = new TextEncoder();
    let cleanup = () => {};
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        let closed = false;
        const send = (chunk: string) => {
          if (closed) return;
          try {
            controller.enqueue(enc.encode(chunk));
          } catch {
            cleanup();
          }
        };
        // Refreshed by every re-check: a device disabled in the portal stops being woken within 5 s.
        let enabled = device.enabled && !device.removedAt;
        // A channel changed on another instance is noticed by the re-check too.
        let channel = device.notificationChannel;
        const event = (type: string, data: Record<string, string> | null = null) =>
          send(`event: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
        const off = onEnqueued(device.clientId, (e) => {
          if (!enabled && (e.type ?? 'MessageEnqueued') === 'MessageEnqueued') return;
          if (!e.deviceId || e.deviceId === device.id) event(e.type ?? 'MessageEnqueued', e.data ?? null);
        });
        const keepalive = setInterval(() => send(':keepalive\n\n'), KEEPALIVE_MS);
        const recheck = setInterval(async () => {
          try {
            // The stream outlives its request: ask for the pool afresh (db/index.ts may have replaced it).
            const wake = await deviceWake(await getDb(), device);
            enabled = wake.enabled;
            if (wake.waiting) event('MessageEnqueued');
            if (wake.channel && wake.channel !== channel) {
              channel = wake.channel;
              event('SettingsUpdated');
            }
          } catch (err) {
            logError('SSE recheck failed', err);
          }
        }, RECHECK_MS);
        const lifetime = setTimeout(() => cleanup(), MAX_LIFETIME_MS);
        const offShutdown = onShutdown(() => cleanup());
        cleanup = () => {
          if (closed) return;
          closed = true;
          off();
          offShutdown();
          clearTimeout(lifetime);
          clearInterval(keepalive);
          clearInterval(recheck);
          try {
            controller.close();
          } catch {
            // already closed by the client
          }
        };
        req.signal.addEventListener('abort', cleanup);
        send(':connected\n\n');
      },
      cancel() {
        cleanup();
      },
    });
    return new Response(stream, {
      headers: {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-cache, no-transform',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      },
    });
  },
);
