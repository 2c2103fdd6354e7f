import 'server-only';
// The app's own webhooks (3rd-party /webhooks) relayed by us (docs/device-protocol.md §4, issue 15 item 8).
// The app posts each event itself to every URL its webhook list gives for that event. We never hand it a
// client's URL: GET /mobile/v1/webhooks lists, for each registration, the registration's id and event with
// our own per-device receiver URL (`…/inbound/<device>?sig=…&hook=<id>`). The phone posts there with the
// app's exact JSON ({id, webhookId, event, deviceId, payload}); we queue that body unchanged for the
// registered URL in the webhook delivery queue (lib/services/webhooks.ts): public https targets only
// (lib/http/safe-fetch.ts), retries with backoff, one delivery per event id however often the phone retries.
// So every event goes out once, from the server, and a URL on the client's private network is never reached.
import { and, eq, isNull, or } from 'drizzle-orm';
import type { Db } from '@/db';
import { appWebhooks, webhookDeliveries } from '@/db/schema';
import { inboundSignature } from '@/lib/http/pipeline/gateway-auth';
import { listAppWebhooks } from './app-webhooks';

export interface PhoneWebhook {
  id: string;
  deviceId: string;
  url: string;
  event: string;
}

/** Our receiver URL for one device (and, for a relayed registration, its id). */
export function receiverUrl(origin: string, deviceId: string, hookId?: string): string {
  const q = new URLSearchParams({ sig: inboundSignature(deviceId) });
  if (hookId) q.set('hook', hookId);
  return `${origin}/api/mobile/v1/inbound/${deviceId}?${q}`;
}

/** What GET /mobile/v1/webhooks gives a phone: our inbound receivers, then one relay entry per registration. */
export async function phoneWebhooks(db: Db, origin: string, device: { id: string; clientId: number }): Promise<PhoneWebhook[]> {
  const inbound = receiverUrl(origin, device.id);
  const own: PhoneWebhook[] = [
    { id: `inbound-${device.id}`, deviceId: device.id, url: inbound, event: 'sms:received' },
    { id: `inbound-data-${device.id}`, deviceId: device.id, url: inbound, event: 'sms:data-received' },
  ];
  const registered = await listAppWebhooks(db, device.clientId, device.id);
  return [...own, ...registered.map((w) => ({ id: w.id, deviceId: device.id, url: receiverUrl(origin, device.id, w.id), event: w.event }))];
}

/**
 * A phone's post for registration `hookId`: queued for the registered URL when the registration is live,
 * applies to this phone and is for this event. Returns whether it was queued (false also for a retry).
 */
export async function relayAppEvent(
  db: Db,
  device: { id: string; clientId: number },
  hookId: string,
  body: Record<string, unknown>,
  now = new Date(),
): Promise<boolean> {
  const [hook] = await db
    .select({ id: appWebhooks.id, event: appWebhooks.event })
    .from(appWebhooks)
    .where(
      and(
        eq(appWebhooks.id, hookId),
        eq(appWebhooks.clientId, device.clientId),
        isNull(appWebhooks.deletedAt),
        or(isNull(appWebhooks.deviceId), eq(appWebhooks.deviceId, device.id)),
      ),
    );
  // A phone with an outdated list (deleted or changed registration): nothing to relay.
  if (!hook || hook.event !== body.event) return false;
  // An app without event ids (older versions) gets one, so that the retry guard holds for it too.
  const payload = typeof body.id === 'string' && body.id ? body : { ...body, id: `${device.id}-${now.getTime()}` };
  const rows = await db
    .insert(webhookDeliveries)
    .values({ appWebhookId: hook.id, event: hook.event, payload, nextAttemptAt: now, createdAt: now })
    .onConflictDoNothing()
    .returning({ id: webhookDeliveries.id });
  return rows.length > 0;
}
