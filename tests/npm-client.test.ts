// The official npm client (android-sms-gateway 3.0.0, the only version on the registry) against our
// 3rd-party API: its own requests (paths, headers, bodies) go to our route handlers through an HttpClient
// adapter. 3.0.0 only speaks Basic; its successors' JWT form (`Client("", token)`) is the same requests
// with `Authorization: Bearer <token>`, which the second adapter sends.
import Client from 'android-sms-gateway';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { POST as tokenRoute } from '@/app/api/3rdparty/v1/auth/token/route';
import { GET as devicesRoute } from '@/app/api/3rdparty/v1/devices/route';
import { GET as healthRoute } from '@/app/api/3rdparty/v1/health/route';
import { GET as getRoute } from '@/app/api/3rdparty/v1/message/[id]/route';
import { POST as sendRoute } from '@/app/api/3rdparty/v1/message/route';
import { DELETE as deleteHookRoute } from '@/app/api/3rdparty/v1/webhooks/[id]/route';
import { POST as addHookRoute, GET as hooksRoute } from '@/app/api/3rdparty/v1/webhooks/route';
import { GET as mobileHooksRoute } from '@/app/api/mobile/v1/webhooks/route';
import type { DbHandle } from '@/db';
import type { Actor } from '@/lib/auth/permissions';
import { useTestDbForRoutes } from './helpers/db';
import { makeAdmin } from './helpers/fixtures';
import { gatewayClient, gatewayLogin, registerPhone } from './helpers/gateway';
import { call, type RouteHandler } from './helpers/http';

let h: DbHandle;
let admin: Actor;
beforeAll(async () => {
  h = await useTestDbForRoutes();
  admin = await makeAdmin(h.db);
});
afterAll(async () => {
  await h.close();
});

const BASE = 'https://gateway.test/api/3rdparty/v1';
const ROUTES: [string, RegExp, RouteHandler][] = [
  ['POST', /^\/message$/, sendRoute],
  ['GET', /^\/message\/([^/]+)$/, getRoute],
  ['GET', /^\/webhooks$/, hooksRoute],
  ['POST', /^\/webhooks$/, addHookRoute],
  ['DELETE', /^\/webhooks\/([^/]+)$/, deleteHookRoute],
  ['GET', /^\/devices$/, devicesRoute],
  ['GET', /^\/health$/, healthRoute],
  ['POST', /^\/auth\/token$/, tokenRoute],
];
const seen: { method: string; url: string; headers: Record<string, string> }[] = [];

/** The client's HttpClient, answering from our handlers (it never checks the status; neither do we here). */
function adapter(bearer?: string) {
  const run = async (method: string, url: string, body: unknown, headers: Record<string, string> = {}) => {
    const u = new URL(url);
    const path = u.pathname.replace('/api/3rdparty/v1', '');
    const hit = ROUTES.find(([m, re]) => m === method && re.test(path));
    if (!hit) throw new Error(`no route for ${method} ${path}`);
    const id = hit[1].exec(path)?.[1];
    const all = { ...headers, ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}) };
    seen.push({ method, url, headers: all });
    const res = await hit[2](new Request(u, { method, headers: all, body: body === undefined ? undefined : JSON.stringify(body) }), {
      params: Promise.resolve<Record<string, string>>(id ? { id: decodeURIComponent(id) } : {}),
    });
    const text = await res.text();
    return text ? JSON.parse(text) : undefined;
  };
  return {
    get: <T>(url: string, headers?: Record<string, string>) => run('GET', url, undefined, headers) as Promise<T>,
    post: <T>(url: string, body: unknown, headers?: Record<string, string>) => run('POST', url, body, headers) as Promise<T>,
    put: <T>(url: string, body: unknown, headers?: Record<string, string>) => run('PUT', url, body, headers) as Promise<T>,
    patch: <T>(url: string, body: unknown, headers?: Record<string, string>) => run('PATCH', url, body, headers) as Promise<T>,
    delete: <T>(url: string, headers?: Record<string, string>) => run('DELETE', url, undefined, headers) as Promise<T>,
  };
}

describe('android-sms-gateway 3.0.0', () => {
  test('send, getState, webhooks (register, list, delete), devices and health with Basic; send and getState with a JWT', async () => {
    const c = await gatewayClient(h.db, admin, { pkg: 'business_elite' });
    const creds = await gatewayLogin(h.db, c.actor);
    const phone = await registerPhone(h.db, creds, 'npm');
    const client = new Client(creds.login, creds.password, adapter(), BASE);

    const state = await client.send(
      { phoneNumbers: ['+959111111111'], message: 'from npm', withDeliveryReport: true },
      { skipPhoneValidation: false },
    );
    expect(state).toMatchObject({
      id: expect.any(String),
      state: 'Pending',
      recipients: [{ phoneNumber: '+959111111111', state: 'Pending' }],
    });
    expect(seen.at(-1)?.headers).toMatchObject({
      'User-Agent': 'android-sms-gateway/3.0 (client; js)',
      Authorization: expect.stringMatching(/^Basic /),
    });
    const again = await client.getState(state.id);
    expect(again).toMatchObject({ id: state.id, state: 'Pending' });

    const hook = await client.registerWebhook({ url: 'https://hooks.example.com/sms', event: 'sms:sent' } as never);
    expect(hook).toMatchObject({ id: expect.any(String), url: 'https://hooks.example.com/sms', event: 'sms:sent', deviceId: null });
    expect(await client.getWebhooks()).toEqual([hook]);
    // The phone gets it after its own inbound webhooks, pointing at our relay receiver (never the client's URL).
    const mobile = await call(mobileHooksRoute, 'GET', '/api/mobile/v1/webhooks', { token: phone.token });
    expect(JSON.parse(mobile.text)).toEqual([
      expect.objectContaining({ event: 'sms:received' }),
      expect.objectContaining({ event: 'sms:data-received' }),
      {
        id: (hook as { id: string }).id,
        deviceId: phone.id,
        url: expect.stringMatching(new RegExp(`/api/mobile/v1/inbound/${phone.id}\\?sig=[^&]+&hook=${(hook as { id: string }).id}$`)),
        event: 'sms:sent',
      },
    ]);
    await client.deleteWebhook((hook as { id: string }).id);
    expect(await client.getWebhooks()).toEqual([]);

    expect(await client.getDevices()).toEqual([expect.objectContaining({ id: phone.id, name: 'npm' })]);
    expect(await client.getHealth()).toMatchObject({ status: 'pass' });

    // A token (POST /auth/token through the client's own HttpClient), then the JWT form.
    const token = (await adapter().post(
      `${BASE}/auth/token`,
      { scopes: ['messages:send', 'messages:read'], ttl: 600 },
      {
        'Content-Type': 'application/json',
        Authorization: `Basic ${btoa(`${creds.login}:${creds.password}`)}`,
      },
    )) as { access_token: string };
    const jwtClient = new Client('', '', adapter(token.access_token), BASE);
    const viaJwt = await jwtClient.send({ phoneNumbers: ['+959222222222'], message: 'jwt' });
    expect(viaJwt).toMatchObject({ id: expect.any(String), state: 'Pending' });
    expect(await jwtClient.getState(viaJwt.id)).toMatchObject({ id: viaJwt.id });
    // Outside the token's scopes.
    expect(await jwtClient.getWebhooks()).toMatchObject({ message: expect.stringMatching(/scope/) });
  });
});
