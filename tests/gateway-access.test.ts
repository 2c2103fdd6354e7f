// Who may use the gateway protocols (docs/device-protocol.md): a suspended or expired client's gateway Basic
// login is refused with 403 in the app's shape on /api/3rdparty/v1 and on /api/mobile/v1/user/code, while
// an expired client's paired phones keep reporting (a suspended account's device tokens stop: devices.ts); one-time pairing codes carry 12 random digits and are locked after
// PAIRING_GUESSES wrong tries per address (even the right code), other addresses unaffected.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GET as tpDevices } from '@/app/api/3rdparty/v1/devices/route';
import { GET as tpList } from '@/app/api/3rdparty/v1/message/route';
import { POST as registerRoute } from '@/app/api/mobile/v1/device/route';
import { PATCH as reportRoute } from '@/app/api/mobile/v1/message/route';
import { GET as userCode } from '@/app/api/mobile/v1/user/code/route';
import type { DbHandle } from '@/db';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { PAIRING_GUESSES } from '@/lib/http/pipeline/gateway-auth';
import { issuePairingCode } from '@/lib/services/gateway-credentials';
import { useTestDbForRoutes } from './helpers/db';
import { makeAdmin } from './helpers/fixtures';
import { gatewayClient, gatewayLogin, registerPhone } from './helpers/gateway';
import { call } from './helpers/http';
import { freshIp, fromIp } from './helpers/peer';

let h: DbHandle;
let admin: Actor;
beforeAll(async () => {
  h = await useTestDbForRoutes();
  admin = await makeAdmin(h.db);
});
afterAll(async () => {
  await h.close();
});

/** Every gateway-Basic answer of the client, as [status, code]. */
async function gatewayAnswers(auth: string) {
  const headers = { authorization: auth };
  return Promise.all(
    [
      call(tpDevices, 'GET', '/api/3rdparty/v1/devices', { headers }),
      call(tpList, 'GET', '/api/3rdparty/v1/message', { headers }),
      call(userCode, 'GET', '/api/mobile/v1/user/code', { headers }),
    ].map(async (p) => {
      const r = await p;
      return [r.status, r.json.code];
    }),
  );
}

describe('a suspended or expired client loses gateway Basic access', () => {
  test('suspended: 403 account_suspended on the 3rd-party API and /user/code', async () => {
    const c = await gatewayClient(h.db, admin, { pkg: 'starter_pro' });
    const creds = await gatewayLogin(h.db, c.actor);
    expect((await gatewayAnswers(creds.auth)).map(([s]) => s)).toEqual([200, 200, 200]);
    await h.db.update(users).set({ status: 'suspended' }).where(eq(users.id, c.id));
    expect(await gatewayAnswers(creds.auth)).toEqual([
      [403, 'account_suspended'],
      [403, 'account_suspended'],
      [403, 'account_suspended'],
    ]);
  });

  test('expired: 403 subscription_expired; a phone paired while it was active still reports', async () => {
    const start = new Date(Date.now() - 2 * 86_400_000);
    const c = await gatewayClient(h.db, admin, { trial_days: 1, now: start });
    const creds = await gatewayLogin(h.db, c.actor);
    const phone = await registerPhone(h.db, creds, 'paired in the trial', start);
    expect(await gatewayAnswers(creds.auth)).toEqual([
      [403, 'subscription_expired'],
      [403, 'subscription_expired'],
      [403, 'subscription_expired'],
    ]);
    const report = await call(reportRoute, 'PATCH', '/api/mobile/v1/message', {
      headers: { authorization: `Bearer ${phone.token}` },
      body: [{ id: 'not-a-message-of-ours', state: 'Sent', recipients: [{ phoneNumber: '+959111111111', state: 'Sent' }] }],
    });
    expect(report.status).toBe(204);
  });
});

describe('one-time pairing codes', () => {
  test('12 random digits (10^12 codes: a guess budget of 5 per address in 15 minutes cannot find one)', async () => {
    const c = await gatewayClient(h.db, admin);
    const codes = await Promise.all(Array.from({ length: 20 }, () => issuePairingCode(h.db, c.id)));
    for (const { code } of codes) expect(code).toMatch(/^\d{12}$/);
    expect(new Set(codes.map((x) => x.code)).size).toBe(20);
  });

  test(`locked after ${PAIRING_GUESSES} wrong tries per address, even for the right code; another address is not`, async () => {
    const c = await gatewayClient(h.db, admin, { pkg: 'business_elite' });
    const { code } = await issuePairingCode(h.db, c.id);
    const ip = freshIp();
    const register = (auth: string, from: string) =>
      call(registerRoute, 'POST', '/api/mobile/v1/device', { headers: { authorization: auth, ...fromIp(from) }, body: { name: 'p' } });
    for (let i = 0; i < PAIRING_GUESSES; i++) expect((await register(`Code ${String(i).padStart(12, '0')}`, ip)).status).toBe(401);
    const locked = await register(`Code ${code}`, ip);
    expect(locked.status).toBe(429);
    expect(locked.json).toMatchObject({ code: 'rate_limited', message: expect.any(String) });
    expect((await register(`Code ${code}`, freshIp())).status).toBe(201);
  });
});
