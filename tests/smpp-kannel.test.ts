// SMPP with independent clients against the real app (issue 17): the production build started like `npm start`
// (its SMPP server on a port of its own), a simulated phone (scripts/lib/device-sim-core.mjs), Debian's Kannel
// (bearerbox + smsbox) binding as a transceiver and sending GSM-7, UCS-2 Burmese and a 3-part message through
// its sendsms interface, its delivery reports matched to our receipts, an inbound SMS reaching its sms-service;
// and Net::SMPP (libnet-smpp-perl) for the refusals: quota, throughput, bad number, bad password.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DbHandle } from '@/db';
import { messages, smppParts } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { activatePackage } from '@/lib/services/activation';
import { recordInbound } from '@/lib/services/inbound';
import { createPackage } from '@/lib/services/packages';
import { issueSmppCredentials } from '@/lib/services/smpp/credentials';
import { runDevice } from '../scripts/lib/device-sim-core.mjs';
import { onPostgres } from './helpers/db';
import { makeAdmin, makeClient, makeReseller, uid } from './helpers/fixtures';
import { gatewayClient, gatewayLogin } from './helpers/gateway';
import { freePort, type Instance, request, startInstance } from './helpers/instances';
import { type Kannel, kannelInstalled, startKannel, waitFor } from './helpers/kannel';
import { openPrivateDb } from './helpers/private-db';
import { ENDPOINT, expectThrottledBurst } from './helpers/smpp';

const ready = onPostgres() && kannelInstalled();
if (!onPostgres()) console.log('the Kannel test serves the production build on PostgreSQL: set TEST_DATABASE_URL');
else if (!kannelInstalled())
  console.log("the Kannel test needs Debian's kannel (apt-get install -y kannel libnet-smpp-perl; .ci/run installs it)");

const BURMESE = 'မင်္ဂလာပါ။ သင်၏ ချိန်းဆိုမှုမှာ မနက်ဖြန် ၁၀ နာရီ ဖြစ်ပါသည်။';
const LONG = `${'The quick brown fox jumps over the lazy dog. '.repeat(8)}End.`; // 364 GSM characters: 3 parts

interface EsmeResult {
  bind_status?: number;
  error?: string;
  submits: { status: number; message_id?: string }[];
}

/** Runs the Net::SMPP client (tests/helpers/smpp-esme.pl) with a plan; resolves to what it printed. */
function perlEsme(port: number, systemId: string, password: string, plan: object): Promise<EsmeResult> {
  return new Promise((resolve, reject) => {
    const p = spawn('perl', [path.join(import.meta.dirname, 'helpers', 'smpp-esme.pl'), '127.0.0.1', String(port), systemId, password]);
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => {
      out += String(d);
    });
    p.stderr.on('data', (d) => {
      err += String(d);
    });
    p.on('error', reject);
    p.on('exit', () => {
      try {
        resolve(JSON.parse(out.trim().split('\n').pop() ?? '') as EsmeResult);
      } catch {
        reject(new Error(`perl ESME printed ${out} ${err}`));
      }
    });
    p.stdin.end(JSON.stringify(plan));
  });
}

describe.skipIf(!ready)('independent SMPP clients against the app', () => {
  let h: DbHandle & { url?: string };
  let admin: Actor;
  let app: Instance;
  let smppPort: number;
  let kannel: Kannel;
  let device: Awaited<ReturnType<typeof runDevice>>;
  let client: Awaited<ReturnType<typeof gatewayClient>>;
  let smpp: { system_id: string; password: string };

  beforeAll(async () => {
    h = await openPrivateDb({ max: 5 });
    admin = await makeAdmin(h.db);
    client = await gatewayClient(h.db, admin, { pkg: 'business_elite' });
    smpp = await issueSmppCredentials(h.db, client.actor, ENDPOINT);
    const gw = await gatewayLogin(h.db, client.actor);
    smppPort = await freePort();
    app = await startInstance(h.url as string, { SMPP_PORT: String(smppPort), API_RATE_LIMIT: '100000' });
    device = await runDevice({ url: app.url, login: gw.login, password: gw.password, delayMs: 200, log: () => {} });
    kannel = await startKannel({ smppPort, systemId: smpp.system_id, password: smpp.password });
    await waitFor(async () => /ours\[ours\].*online/.test(await kannel.status()), 30_000).catch((err) => {
      throw new Error(`${err}\n${kannel.log()}\n${app.output()}`);
    });
  }, 180_000);
  afterAll(async () => {
    await kannel?.stop();
    await device?.stop();
    await app?.stop();
    await h?.close();
  }, 60_000);

  test('Kannel binds as a transceiver: online in its status, listed by GET /api/v1/smpp/binds', async () => {
    expect(await app.output()).toMatch(/SMPP server listening on port \d+/);
    const r = await request(app.url, 'GET', '/api/v1/smpp/binds', { token: client.token });
    expect(r.status).toBe(200);
    expect(r.json.data).toMatchObject([{ mode: 'transceiver', ip: '127.0.0.1' }]);
  });

  test('GSM-7, UCS-2 Burmese and a 3-part message: the phone sends them, Kannel gets the delivery reports', async () => {
    const send = async (tag: string, text: string, extra: Record<string, string> = {}) => {
      const r = await kannel.sendsms({ to: '+959420000901', text, 'dlr-mask': '31', 'dlr-url': kannel.dlrUrl(tag), ...extra });
      expect(r, kannel.log().slice(-3000)).toMatchObject({ status: 202 });
      expect(r.body).toMatch(/Accepted for delivery/);
    };
    await send('gsm', 'Hello from Kannel: code 4711');
    await send('my', BURMESE, { coding: '2', charset: 'UTF-8' });
    await send('long', LONG);
    const delivered = async () =>
      h.db
        .select()
        .from(messages)
        .where(and(eq(messages.clientId, client.id), eq(messages.source, 'smpp'), eq(messages.state, 'delivered')));
    await waitFor(async () => (await delivered()).length === 3, 60_000).catch(async (err) => {
      throw new Error(`${err}: ${JSON.stringify(await delivered())}\n${kannel.log().slice(-4000)}`);
    });
    const rows = await delivered();
    const byText = new Map(rows.map((m) => [m.text, m]));
    expect([...byText.keys()].sort()).toEqual([LONG, BURMESE, 'Hello from Kannel: code 4711'].sort());
    expect(byText.get(BURMESE)).toMatchObject({ encoding: 'ucs2', segments: 1 });
    expect(byText.get(LONG)).toMatchObject({ encoding: 'gsm7', segments: 3 });
    // The phone got them: the simulator reported each one Delivered.
    for (const m of rows) expect((device.processed as Map<string, { state: string }>).get(m.id)?.state).toBe('Delivered');

    // Kannel's reports: 8 (the SMSC accepted it) and 1 (delivered), matched by the id we answered.
    await waitFor(async () => kannel.callbacks.filter((c) => c.path === '/dlr' && c.query.type === '1').length >= 3, 30_000).catch(
      (err) => {
        throw new Error(`${err}: ${JSON.stringify(kannel.callbacks)}\n${kannel.log().slice(-4000)}`);
      },
    );
    const dlr = (tag: string, type: string) =>
      kannel.callbacks.filter((c) => c.path === '/dlr' && c.query.tag === tag && c.query.type === type);
    for (const tag of ['gsm', 'my', 'long']) {
      expect(dlr(tag, '8').length, tag).toBeGreaterThanOrEqual(1);
      expect(dlr(tag, '1'), tag).toHaveLength(1);
    }
    expect(dlr('gsm', '1')[0].query.id).toBe(byText.get('Hello from Kannel: code 4711')?.id);
    expect(dlr('my', '1')[0].query.id).toBe(byText.get(BURMESE)?.id);
    // The long message: Kannel asked on its first part only, and the receipt names that part's id.
    const parts = await h.db
      .select()
      .from(smppParts)
      .where(eq(smppParts.messageId, byText.get(LONG)?.id ?? ''));
    expect(parts.map((p) => [p.partNo, p.registeredDelivery]).sort()).toEqual([
      [1, 0x11],
      [2, 0],
      [3, 0],
    ]);
    expect(dlr('long', '1')[0].query.id).toBe(parts.find((p) => p.partNo === 1)?.id);
  }, 120_000);

  test('an SMS the phone received reaches Kannel as deliver_sm (its sms-service is called)', async () => {
    await recordInbound(h.db, device.deviceId, { phone: '+959420000960', text: 'STOP please' });
    await waitFor(async () => kannel.callbacks.some((c) => c.path === '/mo'), 30_000).catch((err) => {
      throw new Error(`${err}\n${kannel.log().slice(-3000)}`);
    });
    const mo = kannel.callbacks.find((c) => c.path === '/mo');
    expect(mo?.query).toMatchObject({ from: '+959420000960', text: 'STOP please', to: '+959400000000' });
  }, 60_000);

  test('Net::SMPP: over the quota → ESME_RMSGQFUL, over the throughput → ESME_RTHROTTLED, bad number → ESME_RINVDSTADR, bad password → ESME_RINVPASWD', async () => {
    const r = await makeReseller(h.db, admin, { credit: 2_000 });
    const clientOn = async (limits: { daily_limit: number; smpp_throughput: number }) => {
      const pkg = await createPackage(h.db, admin, {
        code: `smpp_${uid()}`,
        name: 'SMPP test',
        price: 1_000,
        period_limit: 1_000,
        device_limit: 1,
        period_days: 30,
        active: true,
        ...limits,
      });
      const c = await makeClient(h.db, r.actor);
      await activatePackage(h.db, r.actor, c.client.id, { package_type: pkg.package_type });
      return { id: c.client.id, ...(await issueSmppCredentials(h.db, c.actor, ENDPOINT)) };
    };
    const quota = await clientOn({ daily_limit: 3, smpp_throughput: 100 });
    const burst = await clientOn({ daily_limit: 1_000, smpp_throughput: 5 });
    const submits = (n: number) => Array.from({ length: n }, (_, i) => ({ dest: `9594200010${10 + i}`, ton: 1, text: `Message ${i}` }));
    const q = await perlEsme(smppPort, quota.system_id, quota.password, { submits: [...submits(5), { dest: '12', ton: 1, text: 'x' }] });
    expect(q.bind_status).toBe(0);
    expect(q.submits.map((s) => s.status)).toEqual([0, 0, 0, 0x14, 0x14, 0x0b]);
    // 16 at once, just after a second begins: the package's 5 per second pass, the rest are throttled.
    const t = await perlEsme(smppPort, burst.system_id, burst.password, { align: true, submits: submits(16) });
    await expectThrottledBurst(
      h.db,
      burst.id,
      t.submits.map((s) => s.status),
      5,
    );
    const bad = await perlEsme(smppPort, quota.system_id, 'wrong', { submits: [] });
    expect(bad.bind_status).toBe(0x0e);
  }, 60_000);
});
