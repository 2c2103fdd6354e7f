import 'server-only';
// The app's own webhooks, managed through the 3rd-party API as on the app's server (client-go Webhook):
// {id, deviceId, url, event}. Phones read them from GET /mobile/v1/webhooks and are told of a change with
// WebhooksUpdated; the URL must be https and public (lib/http/safe-fetch.ts), as our own webhooks.
import { and, asc, eq, isNull, or } from 'drizzle-orm';
import type { Db } from '@/db';
import { appWebhooks, devices, webhookDeliveries } from '@/db/schema';
import { fieldError, notFound } from '@/lib/errors';
import { emitEnqueued } from '@/lib/events';
import { assertPublicUrl, UnsafeAddressError } from '@/lib/http/safe-fetch';
import { newId } from './ids';

export interface AppWebhook {
  id: string;
  deviceId: string | null;
  url: string;
  event: string;
}

const view = (w: typeof appWebhooks.$inferSelect): AppWebhook => ({ id: w.id, deviceId: w.deviceId, url: w.url, event: w.event });

/** The client's webhooks; with `deviceId`, those a phone applies (its own and the ones for every phone). */
export async function listAppWebhooks(db: Db, clientId: number, deviceId?: string): Promise<AppWebhook[]> {
  const rows = await db
    .select()
    .from(appWebhooks)
    .where(
      and(
        eq(appWebhooks.clientId, clientId),
        isNull(appWebhooks.deletedAt),
        deviceId ? or(isNull(appWebhooks.deviceId), eq(appWebhooks.deviceId, deviceId)) : undefined,
      ),
    )
    .orderBy(asc(appWebhooks.createdAt));
  return rows.map(view);
}

/** POST /webhooks: a new webhook, or the one with this id replaced (as the app server upserts by id). */
export async function saveAppWebhook(
  db: Db,
  clientId: number,
  input: { id?: string; deviceId?: string | null; url: string; event: string },
  now = new Date(),
): Promise<AppWebhook> {
  if (!input.url.startsWith('https://')) throw fieldError('url', 'The url must start with https://.');
  try {
    assertPublicUrl(input.url);
  } catch (err) {
    if (err instanceof UnsafeAddressError) throw fieldError('url', err.message);
    throw err;
  }
  if (input.deviceId) {
    const [d] = await db
      .select({ id: devices.id })
      .from(devices)
      .where(and(eq(devices.id, input.deviceId), eq(devices.clientId, clientId), isNull(devices.removedAt)));
    if (!d) throw fieldError('deviceId', 'No such device on this account.');
  }
  const row = await db.transaction(async (tx) => {
    if (input.id) {
      const [own] = await tx.select().from(appWebhooks).where(eq(appWebhooks.id, input.id)).for('update');
      if (own && own.clientId !== clientId) throw fieldError('id', 'This id is taken.');
      if (own) {
        const [after] = await tx
          .update(appWebhooks)
          .set({ deviceId: input.deviceId ?? null, url: input.url, event: input.event, deletedAt: null })
          .where(eq(appWebhooks.id, input.id))
          .returning();
        return after;
      }
    }
    const [created] = await tx
      .insert(appWebhooks)
      .values({ id: input.id ?? newId(), clientId, deviceId: input.deviceId ?? null, url: input.url, event: input.event, createdAt: now })
      .returning();
    return created;
  });
  emitEnqueued({ clientId, deviceId: row.deviceId, type: 'WebhooksUpdated' });
  return view(row);
}

export async function deleteAppWebhook(db: Db, clientId: number, id: string, now = new Date()): Promise<void> {
  const [row] = await db
    .update(appWebhooks)
    .set({ deletedAt: now })
    .where(and(eq(appWebhooks.id, id), eq(appWebhooks.clientId, clientId), isNull(appWebhooks.deletedAt)))
    .returning();
  if (!row) throw notFound('Webhook');
  // Events the phone posted for it and still queued are not sent (nor retried).
  await db
    .update(webhookDeliveries)
    .set({ status: 'failed', lastError: 'webhook deleted: not delivered', lockedUntil: null })
    .where(and(eq(webhookDeliveries.appWebhookId, id), eq(webhookDeliveries.status, 'pending')));
  emitEnqueued({ clientId, deviceId: row.deviceId, type: 'WebhooksUpdated' });
}
