// The world of the bad-input suite (tests/bad-input.test.ts): three tenants with everything an endpoint can
// name (clients, keys, phones, a webhook, a message, a top-up), and per endpoint which id it takes, the
// tenant's own and the other tenant's ids, and the credentials that must and must not get in.
import type { Db } from '@/db';
import { packages } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import type { Auth, Endpoint } from '@/lib/openapi/endpoints';
import { activatePackage } from '@/lib/services/activation';
import { createGroup } from '@/lib/services/contact-groups';
import { createContact } from '@/lib/services/contacts';
import { pullMessages, reportStates } from '@/lib/services/device-queue';
import { issueGatewayToken } from '@/lib/services/gateway-tokens';
import { queueMessages } from '@/lib/services/messages';
import { createPackage } from '@/lib/services/packages';
import { createPaymentAccount } from '@/lib/services/payment-accounts';
import { fileTopupRequest } from '@/lib/services/topups';
import { transferCredit } from '@/lib/services/transfers';
import { createWebhook } from '@/lib/services/webhooks';
import { type CampaignTargets, seedCampaignTargets } from './bad-input-campaigns';
import type { Hints } from './bad-input-cases';
import { ownPaymentAccount, tenantKeyword } from './bad-input-parts';
import { makeAdmin, makeClient, uid } from './fixtures';
import { gatewayLogin, registerPhone } from './gateway';
import { apiKeyFor, basicAuth } from './reseller-keys';
import { adminWithToken, resellerWithToken } from './sessions';

/** The smallest bytes that pass as a PNG upload (payment QR codes, top-up slips). */
const TINY_PNG = { contentType: 'image/png' as const, bytes: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') };

export interface Tenant extends CampaignTargets {
  resellerId: number;
  resellerEmail: string;
  resellerToken: string;
  resellerKey: string;
  resellerKeyId: number;
  clientId: number;
  clientEmail: string;
  clientToken: string;
  clientKeyId: number;
  gatewayLogin: string;
  gatewayPassword: string;
  deviceId: string;
  deviceToken: string;
  /** Targets of the `{id}` routes that revoke or remove: never the credential the requests use. */
  spareResellerKeyId: number;
  spareClientKeyId: number;
  spareDeviceId: string;
  spareGatewayTokenId: string;
  webhookId: number;
  contactId: number;
  groupId: number;
  keywordId: number;
  messageId: string;
  topupId: number;
  /** The reseller's own payment account (with a QR code) and the slip of its top-up request. */
  ownPaymentAccountId: number;
  qrImageId: number;
  slipImageId: number;
  /** Text only this tenant's data holds: must never appear in another tenant's answers. */
  markers: string[];
}

/** Targets of the admin's `{id}` routes (admins are platform-wide: they have no other tenant). */
export interface AdminTargets {
  resellerId: number;
  topupId: number;
  packageId: number;
  adminId: number;
  paymentAccountId: number;
  imageId: number;
}

/** Everything the suite acts as and on: the admin, tenants A (refused cases), B (the other tenant) and C (accepted cases). */
export interface World {
  admin: { actor: Actor; token: string };
  A: Tenant;
  B: Tenant;
  C: Tenant;
  targetsA: AdminTargets;
  targetsC: AdminTargets;
}

export async function makeWorld(db: Db): Promise<World> {
  const admin = await adminWithToken(db);
  const A = await makeTenant(db, admin.actor, 'a', true);
  const B = await makeTenant(db, admin.actor, 'b', false);
  const C = await makeTenant(db, admin.actor, 'c', true);
  const pkgs = await db.select().from(packages);
  const fuzzPkg = await createPackage(db, admin.actor, {
    code: `fuzz_${uid()}`,
    name: 'Fuzz target',
    price: 1_000,
    daily_limit: 10,
    period_limit: 100,
    device_limit: 1,
    period_days: 30,
    active: true,
  });
  const otherAdmin = await makeAdmin(db);
  const platformAccount = () =>
    createPaymentAccount(db, admin.actor, { method: 'kbzpay', account_name: 'Platform', account_number: `09${uid()}`, qr_image: TINY_PNG });
  const [payA, payC] = [await platformAccount(), await platformAccount()];
  return {
    admin,
    A,
    B,
    C,
    targetsA: {
      resellerId: A.resellerId,
      topupId: A.topupId,
      packageId: pkgs[0].id,
      adminId: admin.actor.userId,
      paymentAccountId: payA.id,
      imageId: payA.qr_image_id as number,
    },
    targetsC: {
      resellerId: C.resellerId,
      topupId: C.topupId,
      packageId: fuzzPkg.id,
      adminId: otherAdmin.userId,
      paymentAccountId: payC.id,
      imageId: C.slipImageId,
    },
  };
}

async function makeTenant(db: Db, admin: Actor, label: string, settle: boolean): Promise<Tenant> {
  const r = await resellerWithToken(db, admin, { credit: 1_000_000 });
  const rk = await apiKeyFor(db, r.actor, `bad-input ${label}`);
  const c = await makeClient(db, r.actor);
  await activatePackage(db, r.actor, c.client.id, { package_type: 'business_elite' });
  await transferCredit(db, r.actor, c.client.id, 100_000);
  const ck = await apiKeyFor(db, c.actor, `bad-input ${label}`);
  const creds = await gatewayLogin(db, c.actor);
  const phone = await registerPhone(db, creds, `phone ${label}`);
  const spare = await registerPhone(db, creds, `spare ${label}`);
  const spareRk = await apiKeyFor(db, r.actor, `spare ${label}`);
  const spareCk = await apiKeyFor(db, c.actor, `spare ${label}`);
  const spareJwt = await issueGatewayToken(db, c.client.id, { scopes: ['all:any'] });
  const wh = await createWebhook(db, c.actor, { url: 'https://example.com/hook', events: ['message.sent'] });
  const secret = `secret-${label}-${uid()}`;
  const group = await createGroup(db, c.actor, { name: `group-${secret}` });
  const contact = await createContact(db, c.actor, { phone: '09420000202', name: `contact-${secret}`, groups: [group.id] });
  const targets = await seedCampaignTargets(db, c.actor, group.id, secret);
  const keywordId = await tenantKeyword(db, c.client.id, label);
  const [m] = await queueMessages(db, c.actor, { messages: [{ phones: ['+959111111111'] }], text: secret, source: 'api' });
  // Tenant A's queue is empty, so a device pull answered during the refused phase changes nothing.
  if (settle) {
    await pullMessages(db, phone.device);
    await reportStates(db, phone.device, [{ id: m.id, state: 'Sent', recipients: [{ phoneNumber: '+959111111111', state: 'Sent' }] }]);
  }
  const topup = await fileTopupRequest(db, r.actor, { amount: 5_000, method: 'cash', slip_image: TINY_PNG });
  const own = await ownPaymentAccount(db, r.actor, label, TINY_PNG);
  return {
    resellerId: r.id,
    resellerEmail: r.reseller.email,
    resellerToken: r.token,
    resellerKey: rk.key,
    resellerKeyId: rk.id,
    clientId: c.client.id,
    clientEmail: c.client.email,
    clientToken: ck.key,
    clientKeyId: ck.id,
    gatewayLogin: creds.login,
    gatewayPassword: creds.password,
    deviceId: phone.id,
    deviceToken: phone.token,
    spareResellerKeyId: spareRk.id,
    spareClientKeyId: spareCk.id,
    spareDeviceId: spare.id,
    spareGatewayTokenId: spareJwt.id,
    webhookId: wh.id,
    contactId: contact.id,
    groupId: group.id,
    ...targets,
    keywordId,
    messageId: m.id,
    topupId: topup.id,
    ownPaymentAccountId: own.id,
    qrImageId: own.qr_image_id as number,
    slipImageId: topup.slip_image_id as number,
    markers: [r.reseller.email, c.client.email, secret],
  };
}

/** Body values that name the tenant's own things (so the base body is really valid for it). */
export function hintsFor(e: Endpoint, t: Tenant): Hints {
  // `id` is the device's own id (PATCH /device), a reported message's id (PATCH /message), or a new
  // message's id chosen by the sender (3rd-party API).
  const id = e.path.startsWith('/api/mobile/v1/device')
    ? t.deviceId
    : e.path.startsWith('/api/mobile/v1/message')
      ? t.messageId
      : `fz${uid()}`;
  return {
    id,
    client_user_id: t.clientId,
    device_id: t.deviceId,
    deviceId: t.deviceId,
    subdomain: `fz${uid()}`,
    code: e.path.includes('/admin/packages') ? `fz_${uid()}` : '123456',
    allowed_ips: ['203.0.113.0/24'],
  };
}

/** The same fields pointing at tenant B's things. */
export function foreignBodyValue(e: Endpoint, name: string, w: World): unknown {
  // The inbound webhook's device is the signed one in the URL; the payload's deviceId is informational.
  if (e.path.startsWith('/api/mobile/v1/inbound/')) return undefined;
  if (name === 'client_user_id') return w.B.clientId;
  if (name === 'device_id' || name === 'deviceId') return w.B.deviceId;
  if (name === 'id' && e.path.startsWith('/api/mobile/v1/device')) return w.B.deviceId;
  if (name === 'id' && e.path.startsWith('/api/mobile/v1/message')) return w.B.messageId;
  return undefined;
}

export function authHeaders(kind: Auth, t: Tenant, w: World): Record<string, string> {
  switch (kind) {
    case 'admin':
      return { authorization: `Bearer ${w.admin.token}` };
    case 'reseller':
      return { authorization: `Bearer ${t.resellerToken}` };
    case 'client':
      return { authorization: `Bearer ${t.clientToken}` };
    case 'clicksend':
      return { authorization: basicAuth(t.resellerEmail, t.resellerKey) };
    case 'device':
      return { authorization: `Bearer ${t.deviceToken}` };
    case 'gateway':
      return { authorization: basicAuth(t.gatewayLogin, t.gatewayPassword) };
    default:
      return {};
  }
}

/** Credentials that must not get in: none, garbage, another role's, wrong secrets, hostile usernames. */
export function badAuth(kind: Auth, t: Tenant, w: World): { label: string; headers: Record<string, string> }[] {
  const common: { label: string; headers: Record<string, string> }[] = [
    { label: 'no credentials', headers: {} },
    { label: 'garbage bearer', headers: { authorization: 'Bearer garbage' } },
    { label: 'garbage basic', headers: { authorization: 'Basic Zm9vOmJhcg==' } },
    { label: 'huge bearer', headers: { authorization: `Bearer ${'A'.repeat(10_000)}` } },
    { label: 'basic not base64', headers: { authorization: 'Basic !!!' } },
  ];
  const h = (label: string, authorization: string) => ({ label, headers: { authorization } });
  const basics = (user: string, secret: string) => [
    h('basic wrong secret', basicAuth(user, `${secret}x`)),
    h('basic NUL in username', basicAuth(`${user}\u0000`, secret)),
    h('basic SQL in username', basicAuth("' OR 1=1 --", secret)),
    h('basic 10k username', basicAuth('u'.repeat(10_000), secret)),
    h('basic unicode username', basicAuth('\u202e😀မြန်မာ', secret)),
  ];
  switch (kind) {
    case 'admin':
      return [...common, h('reseller token', `Bearer ${t.resellerToken}`), h('client key', `Bearer ${t.clientToken}`)];
    case 'reseller':
      return [
        ...common,
        h('admin token', `Bearer ${w.admin.token}`),
        h('client key', `Bearer ${t.clientToken}`),
        h('device token', `Bearer ${t.deviceToken}`),
      ];
    case 'client':
      return [
        ...common,
        h('reseller token', `Bearer ${t.resellerToken}`),
        h('device token', `Bearer ${t.deviceToken}`),
        h('admin token', `Bearer ${w.admin.token}`),
      ];
    case 'clicksend':
      return [
        ...common,
        ...basics(t.resellerEmail, t.resellerKey),
        h('basic other reseller email', basicAuth(w.B.resellerEmail, t.resellerKey)),
        h('basic with session token', basicAuth(t.resellerEmail, t.resellerToken)),
        h('basic with client key', basicAuth(t.clientEmail, t.clientToken)),
        h('bearer session', `Bearer ${t.resellerToken}`),
      ];
    case 'device':
      return [
        ...common,
        h('client key', `Bearer ${t.clientToken}`),
        h('gateway basic', basicAuth(t.gatewayLogin, t.gatewayPassword)),
        h('other device id as token', `Bearer ${t.deviceId}`),
      ];
    case 'gateway':
      return [
        ...common,
        ...basics(t.gatewayLogin, t.gatewayPassword),
        h('basic other login', basicAuth(w.B.gatewayLogin, t.gatewayPassword)),
        h('client key', `Bearer ${t.clientToken}`),
        h('wrong code', 'Code 000000'),
        h('code with SQL', "Code '--"),
      ];
    default:
      return [];
  }
}
