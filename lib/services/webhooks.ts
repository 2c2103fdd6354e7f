import 'server-only';
import { createHmac, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '@/db';
import { appWebhooks, type WEBHOOK_EVENTS, webhookDeliveries, webhooks } from '@/db/schema';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import { fieldError, notFound } from '@/lib/errors';
import { assertPublicUrl, type Fetcher, safeFetch, UnsafeAddressError } from '@/lib/http/safe-fetch';
import { writeAudit } from './audit';

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
export const MAX_ATTEMPTS = 6;
export const BASE_BACKOFF_MS = 10_000;
const TIMEOUT_MS = 10_000;

type Webhook = typeof webhooks.$inferSelect;
type Delivery = typeof webhookDeliveries.$inferSelect;

export interface WebhookView {
  id: number;
  url: string;
  events: string[];
  enabled: boolean;
  created_at: string;
}
const view = (w: Webhook): WebhookView => ({
  id: w.id,
  url: w.url,
  events: w.events,
  enabled: w.enabled,
  created_at: w.createdAt.toISOString(),
});

/** A webhook goes to a public address only (lib/http/safe-fetch.ts): 400 on the url field otherwise. */
function assertTarget(url: string): void {
  try {
    assertPublicUrl(url);
  } catch (err) {
    if (err instanceof UnsafeAddressError) throw fieldError('url', err.message);
    throw err;
  }
}

/** X-Signature = hex HMAC-SHA256(secret, `${X-Timestamp}.${body}`). */
export function signPayload(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

export async function createWebhook(
  db: Db,
  actor: Actor,
  input: { url: string; events: WebhookEvent[] },
): Promise<WebhookView & { secret: string }> {
  assertCan(actor, 'webhook.manage');
  assertTarget(input.url);
  const secret = `whsec_${randomBytes(24).toString('base64url')}`;
  return db.transaction(async (tx) => {
    const [w] = await tx.insert(webhooks).values({ clientId: actor.userId, url: input.url, events: input.events, secret }).returning();
    await writeAudit(tx, actor, 'webhook.create', { type: 'webhook', id: w.id }, null, { url: input.url, events: input.events });
    return { ...view(w), secret };
  });
}

export async function listWebhooks(db: Db, actor: Actor): Promise<WebhookView[]> {
  assertCan(actor, 'webhook.manage');
  const rows = await db
    .select()
    .from(webhooks)
    .where(and(eq(webhooks.clientId, actor.userId), isNull(webhooks.deletedAt)))
    .orderBy(desc(webhooks.createdAt));
  return rows.map(view);
}

async function ownWebhook(db: Db, actor: Actor, id: number): Promise<Webhook> {
  const [w] = await db
    .select()
    .from(webhooks)
    .where(and(eq(webhooks.id, id), eq(webhooks.clientId, actor.userId), isNull(webhooks.deletedAt)));
  if (!w) throw notFound('Webhook');
  return w;
}

export async function updateWebhook(
  db: Db,
  actor: Actor,
  id: number,
  input: { url?: string; events?: WebhookEvent[]; enabled?: boolean },
): Promise<WebhookView> {
  assertCan(actor, 'webhook.manage');
  const before = await ownWebhook(db, actor, id);
  if (input.url !== undefined) assertTarget(input.url);
  // An empty change ({}) is valid and changes nothing (an UPDATE with no columns is an error).
  if (Object.values(input).every((v) => v === undefined)) return view(before);
  return db.transaction(async (tx) => {
    const [w] = await tx.update(webhooks).set(input).where(eq(webhooks.id, before.id)).returning();
    if (input.enabled === false) await stopQueued(tx, w.id, 'webhook disabled: not delivered');
    return view(w);
  });
}

/** Queued deliveries of a webhook that was disabled or deleted are not sent (nor retried): failed, with why. */
async function stopQueued(tx: Db, webhookId: number, reason: string): Promise<void> {
  await tx
    .update(webhookDeliveries)
    .set({ status: 'failed', lastError: reason, lockedUntil: null })
    .where(and(eq(webhookDeliveries.webhookId, webhookId), eq(webhookDeliveries.status, 'pending')));
}

export async function deleteWebhook(db: Db, actor: Actor, id: number): Promise<{ id: number; deleted: true }> {
  assertCan(actor, 'webhook.manage');
  const w = await ownWebhook(db, actor, id);
  await db.transaction(async (tx) => {
    await tx.update(webhooks).set({ deletedAt: new Date(), enabled: false }).where(eq(webhooks.id, w.id));
    await stopQueued(tx, w.id, 'webhook deleted: not delivered');
  });
  return { id, deleted: true };
}

export interface DeliveryView {
  id: number;
  event: string;
  status: string;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  next_attempt_at: string | null;
  created_at: string;
  delivered_at: string | null;
  payload: unknown;
}

export async function listDeliveries(db: Db, actor: Actor, webhookId: number, limit = 50): Promise<DeliveryView[]> {
  assertCan(actor, 'webhook.manage');
  await ownWebhook(db, actor, webhookId);
  const rows = await db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.webhookId, webhookId))
    .orderBy(desc(webhookDeliveries.id))
    .limit(limit);
  return rows.map((d) => ({
    id: d.id,
    event: d.event,
    status: d.status,
    attempts: d.attempts,
    last_status_code: d.lastStatusCode,
    last_error: d.lastError,
    next_attempt_at: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
    created_at: d.createdAt.toISOString(),
    delivered_at: d.deliveredAt?.toISOString() ?? null,
    payload: d.payload,
  }));
}

/** Queues an event for every enabled webhook of the client that subscribed to it (inside the caller's transaction). */
export async function enqueueEvent(
  tx: Db,
  clientId: number,
  event: WebhookEvent,
  data: Record<string, unknown>,
  now = new Date(),
): Promise<number> {
  const hooks = await tx
    .select()
    .from(webhooks)
    .where(and(eq(webhooks.clientId, clientId), eq(webhooks.enabled, true), isNull(webhooks.deletedAt)));
  const targets = hooks.filter((h) => h.events.includes(event));
  if (!targets.length) return 0;
  await tx.insert(webhookDeliveries).values(
    targets.map((h) => ({
      webhookId: h.id,
      event,
      payload: { event, created_at: now.toISOString(), data },
      nextAttemptAt: now,
      createdAt: now,
    })),
  );
  return targets.length;
}

/**
 * One pass of the delivery worker: claims due deliveries with FOR UPDATE SKIP LOCKED (several instances
 * never send the same attempt twice), posts them signed, and records the outcome: 2xx delivered; 4xx
 * failed without retry; 5xx, timeouts and network errors retried with exponential backoff.
 */
export async function deliverDueWebhooks(db: Db, now = new Date(), fetchImpl: Fetcher = safeFetch, batch = 20): Promise<number> {
  // A worker that died mid-delivery leaves rows 'delivering' past their lock: they become due again.
  await db.execute(
    sql`update ${webhookDeliveries} set status = 'pending' where status = 'delivering' and locked_until < ${now.toISOString()}::timestamptz`,
  );
  const claimed = rowsOf<{ id: number }>(
    await db.execute(sql`
    update ${webhookDeliveries} set status = 'delivering', attempts = attempts + 1,
      locked_until = ${new Date(now.getTime() + 2 * TIMEOUT_MS).toISOString()}::timestamptz
    where id in (select id from ${webhookDeliveries} where status = 'pending' and next_attempt_at <= ${now.toISOString()}::timestamptz
                 order by next_attempt_at limit ${batch} for update skip locked)
    returning id`),
  );
  for (const { id } of claimed) await deliverOne(db, Number(id), fetchImpl, now);
  return claimed.length;
}

async function deliverOne(db: Db, id: number, fetchImpl: Fetcher, now: Date): Promise<void> {
  const [row] = await db
    .select({ d: webhookDeliveries, w: webhooks, a: appWebhooks })
    .from(webhookDeliveries)
    .leftJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .leftJoin(appWebhooks, eq(appWebhooks.id, webhookDeliveries.appWebhookId))
    .where(eq(webhookDeliveries.id, id));
  if (!row) return;
  const { d, w, a } = row;
  // Disabled or deleted while this attempt was being claimed: nothing is sent.
  const gone = w ? w.deletedAt : a?.deletedAt;
  if (gone || (w && !w.enabled) || (!w && !a)) {
    const reason = gone || (!w && !a) ? 'webhook deleted: not delivered' : 'webhook disabled: not delivered';
    await db.update(webhookDeliveries).set({ status: 'failed', lastError: reason, lockedUntil: null }).where(eq(webhookDeliveries.id, id));
    return;
  }
  const timestamp = String(Math.floor(Date.now() / 1000));
  // A platform webhook gets our envelope, signed with its secret; an app webhook the phone's own JSON as
  // the phone posted it (lib/services/app-webhook-relay.ts).
  const body = w ? JSON.stringify({ id: d.id, ...(d.payload as Record<string, unknown>) }) : JSON.stringify(d.payload);
  const headers: Record<string, string> = w
    ? {
        'content-type': 'application/json',
        'x-timestamp': timestamp,
        'x-signature': signPayload(w.secret, timestamp, body),
        'x-webhook-event': d.event,
        'user-agent': 'sms-platform-webhooks/1',
      }
    : { 'content-type': 'application/json', 'x-webhook-event': d.event, 'user-agent': 'sms-platform-webhooks/1' };
  let status: number | null = null;
  let error: string | null = null;
  let refused = false;
  try {
    const res = await fetchImpl((w ?? a)?.url ?? '', {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: 'manual',
    });
    status = res.status;
    await res.body?.cancel().catch(() => undefined);
  } catch (err) {
    error = (err as Error).name === 'TimeoutError' ? 'timeout' : (err as Error).message.slice(0, 300);
    // A private target is the webhook's configuration, not a passing failure: not retried.
    refused = err instanceof UnsafeAddressError;
  }
  await db
    .update(webhookDeliveries)
    .set(refused ? { status: 'failed', lastError: error, lockedUntil: null } : outcome(d, status, error, now))
    .where(eq(webhookDeliveries.id, id));
}

// Times count from the worker pass's `now` (injected in tests), so the backoff is exactly 10 s, 20 s, 40 s, ...
function outcome(d: Delivery, status: number | null, error: string | null, now: Date): Partial<typeof webhookDeliveries.$inferInsert> {
  if (status !== null && status >= 200 && status < 300)
    return { status: 'delivered', lastStatusCode: status, lastError: null, deliveredAt: now, lockedUntil: null };
  if (status !== null && status >= 300 && status < 500)
    return { status: 'failed', lastStatusCode: status, lastError: `HTTP ${status}: not retried`, lockedUntil: null };
  const attempts = d.attempts;
  if (attempts >= MAX_ATTEMPTS)
    return { status: 'failed', lastStatusCode: status, lastError: error ?? `HTTP ${status}`, lockedUntil: null };
  return {
    status: 'pending',
    lastStatusCode: status,
    lastError: error ?? `HTTP ${status}`,
    lockedUntil: null,
    nextAttemptAt: new Date(now.getTime() + BASE_BACKOFF_MS * 2 ** (attempts - 1)),
  };
}
