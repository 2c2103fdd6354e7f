// Fixtures for the SMPP tests: an in-process SMPP server on a free loopback port with fast timers, a client
// with SMPP credentials, and a simulated phone driven through the device services.
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Db } from '@/db';
import { messages } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { activatePackage } from '@/lib/services/activation';
import { pullMessages, reportStates } from '@/lib/services/device-queue';
import { createPackage, updatePackage } from '@/lib/services/packages';
import { issueSmppCredentials } from '@/lib/services/smpp/credentials';
import { SmppServer, type SmppServerOptions } from '@/lib/smpp/server';
import { makeClient, makeReseller, uid } from './fixtures';
import { gatewayClient, gatewayLogin, type PackageCode, registerPhone } from './gateway';

export const ENDPOINT = { host: '127.0.0.1', port: 2775, tls_port: null };

export async function startTestSmpp(db: Db, opts: Partial<SmppServerOptions> = {}): Promise<SmppServer & { port: number }> {
  const server = new SmppServer({
    port: 0,
    host: '127.0.0.1',
    getDb: async () => db,
    tickMs: 100,
    heartbeatMs: 300,
    pollMs: 100,
    bindAttemptsPerMinute: 100_000,
    ...opts,
    session: { bindTimeoutMs: 3_000, enquireIntervalMs: 2_000, responseTimeoutMs: 2_000, ...opts.session },
  });
  const { port } = await server.start();
  return Object.assign(server, { port: port as number });
}

/** A client (with a package, or in trial) and its SMPP credentials. */
export async function smppClient(db: Db, admin: Actor, opts: { pkg?: PackageCode } = {}) {
  const c = await gatewayClient(db, admin, opts);
  const creds = await issueSmppCredentials(db, c.actor, ENDPOINT);
  return { ...c, systemId: creds.system_id, password: creds.password };
}

/**
 * A client on a package of its own (SMPP throughput, binds, quota as given) with SMPP credentials. The package
 * is taken off sale at once: the subscription keeps its limits, and other tests (one database on PostgreSQL)
 * see the usual catalog.
 */
export async function smppClientOn(
  db: Db,
  admin: Actor,
  limits: { daily_limit?: number; smpp_throughput?: number; smpp_max_binds?: number },
) {
  const daily = limits.daily_limit ?? 1_000;
  const pkg = await createPackage(db, admin, {
    code: `smpp_${uid()}`,
    name: 'SMPP test',
    price: 1_000,
    daily_limit: daily,
    period_limit: Math.max(daily, 1_000),
    device_limit: 1,
    period_days: 30,
    active: true,
    smpp_throughput: limits.smpp_throughput,
    smpp_max_binds: limits.smpp_max_binds,
  });
  const r = await makeReseller(db, admin, { credit: 1_000 });
  const c = await makeClient(db, r.actor);
  await activatePackage(db, r.actor, c.client.id, { package_type: pkg.package_type });
  await updatePackage(db, admin, pkg.id, { active: false });
  const creds = await issueSmppCredentials(db, c.actor, ENDPOINT);
  return { id: c.client.id, actor: c.actor, systemId: creds.system_id, password: creds.password };
}

/** A phone of the client, and a function that "sends" what it pulled: Sent, then Delivered (or Failed). */
export async function testPhone(db: Db, actor: Actor) {
  const login = await gatewayLogin(db, actor);
  const phone = await registerPhone(db, login);
  const device = phone.device;
  if (!device) throw new Error('no device');
  return {
    device,
    /** Pulls and reports every message: `outcome` for each recipient. */
    async send(outcome: 'Delivered' | 'Failed' | 'Sent' = 'Delivered') {
      const msgs = await pullMessages(db, device, 'fifo');
      for (const m of msgs) {
        const rs = (state: string) =>
          m.recipients.map((r) => ({
            phoneNumber: r.phone,
            state,
            ...(state === 'Failed' ? { error: 'RESULT_ERROR_GENERIC_FAILURE' } : {}),
          }));
        await reportStates(db, device, [{ id: m.id, state: 'Processed', recipients: rs('Processed') }]);
        if (outcome === 'Failed') {
          await reportStates(db, device, [{ id: m.id, state: 'Failed', recipients: rs('Failed') }]);
          continue;
        }
        await reportStates(db, device, [{ id: m.id, state: 'Sent', recipients: rs('Sent') }]);
        if (outcome === 'Delivered') await reportStates(db, device, [{ id: m.id, state: 'Delivered', recipients: rs('Delivered') }]);
      }
      return msgs;
    },
  };
}

/**
 * A burst against a per-second throughput of `limit`: every submit was accepted or throttled; the accepted
 * ones (their messages' created_at is the instant the server counted them) are never more than `limit` in
 * one second, and some second got exactly `limit` (the burst is larger than three windows' worth of
 * attempts split unevenly, so however the seconds fell, one of them filled up).
 */
export async function expectThrottledBurst(db: Db, clientId: number, statuses: number[], limit: number) {
  const ok = statuses.filter((s) => s === 0).length;
  const throttled = statuses.filter((s) => s === 0x58).length;
  expect(ok + throttled, JSON.stringify(statuses)).toBe(statuses.length);
  expect(throttled).toBeGreaterThan(0);
  const rows = await db.select({ createdAt: messages.createdAt }).from(messages).where(eq(messages.clientId, clientId));
  expect(rows).toHaveLength(ok);
  const perSecond = new Map<number, number>();
  for (const r of rows) {
    const second = Math.floor(r.createdAt.getTime() / 1000);
    perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
  }
  expect(Math.max(...perSecond.values())).toBe(limit);
}
