// Fixtures for the SMS gateway tests: a client with an API key (and optionally a package), gateway
// credentials, registered devices, and small readers of the messaging tables.
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { devices, messageRecipients, messages, webhookDeliveries } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { hashToken, newToken } from '@/lib/auth/tokens';
import { activatePackage } from '@/lib/services/activation';
import { deviceFromToken, registerDevice } from '@/lib/services/devices';
import { issueGatewayCredentials } from '@/lib/services/gateway-credentials';
import { newId } from '@/lib/services/ids';
import { makeClient, makeReseller } from './fixtures';
import { apiKeyFor, basicAuth } from './reseller-keys';

export { basicAuth };

export const PACKAGE_PRICE = { starter_pro: 50_000, business_elite: 100_000, enterprise_pro: 200_000, enterprise_max: 400_000 } as const;
export type PackageCode = keyof typeof PACKAGE_PRICE;

/**
 * A client of a fresh reseller with an API key. With `pkg` the reseller pays for that package (now);
 * otherwise the client is in its trial. `now` dates the client's creation and the activation.
 */
export async function gatewayClient(db: Db, admin: Actor, opts: { pkg?: PackageCode; trial_days?: number; now?: Date } = {}) {
  const credit = opts.pkg ? PACKAGE_PRICE[opts.pkg] : 0;
  const r = await makeReseller(db, admin, { credit });
  const c = await makeClient(db, r.actor, { trial_days: opts.trial_days, now: opts.now });
  if (opts.pkg) await activatePackage(db, r.actor, c.client.id, { package_type: opts.pkg }, opts.now);
  const key = await apiKeyFor(db, c.actor, 'gateway tests');
  return { reseller: r, id: c.client.id, actor: c.actor, client: c.client, token: key.key };
}

/** Issues gateway credentials (login/password of the app and of the 3rd-party API). */
export async function gatewayLogin(db: Db, actor: Actor) {
  const creds = await issueGatewayCredentials(db, actor, 'http://test');
  return { ...creds, auth: basicAuth(creds.login, creds.password) };
}

/** Registers a phone through the service (Basic gateway login), as the app does on first start. */
export async function registerPhone(db: Db, creds: { login: string; password: string }, name = 'phone', now = new Date()) {
  const r = await registerDevice(db, { kind: 'basic', login: creds.login, password: creds.password }, { name }, now);
  return { id: r.id, token: r.token, device: await deviceFromToken(db, r.token, now) };
}

/** A device row written straight to the table (for races that need more phones than a package allows). */
export async function insertDevice(db: Db, clientId: number, now = new Date()) {
  const { token } = newToken('dv');
  const id = newId();
  const [device] = await db
    .insert(devices)
    .values({ id, clientId, name: `raw ${id}`, tokenHash: hashToken(token), lastSeenAt: now, createdAt: now })
    .returning();
  return { id, token, device };
}

export async function messageRows(db: Db, ids: string[]) {
  if (!ids.length) return [];
  return db.select().from(messages).where(inArray(messages.id, ids));
}

export async function messageRow(db: Db, id: string) {
  const [m] = await db.select().from(messages).where(eq(messages.id, id));
  return m;
}

export async function recipientsOf(db: Db, id: string) {
  return (await db.select().from(messageRecipients).where(eq(messageRecipients.messageId, id))).sort((a, b) => a.position - b.position);
}

export async function clientMessages(db: Db, clientId: number) {
  return db.select().from(messages).where(eq(messages.clientId, clientId));
}

export async function deliveriesOf(db: Db, webhookId: number) {
  return (await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, webhookId))).sort((a, b) => a.id - b.id);
}
