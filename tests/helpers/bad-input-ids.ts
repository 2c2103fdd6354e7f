// What each `{id}` route's id names (ID_KINDS: a new {id} route adds its line here), and per kind the
// tenant's own id and the ids that exist but are someone else's.
import type { Endpoint } from '@/lib/openapi/endpoints';
import { idSpellings } from './bad-input';
import type { AdminTargets, Tenant, World } from './bad-input-world';

export type IdKind =
  | 'reseller'
  | 'topup'
  | 'package'
  | 'admin'
  | 'client'
  | 'resellerKey'
  | 'clientKey'
  | 'message'
  | 'device'
  | 'gatewayToken'
  | 'webhook'
  | 'paymentAccount'
  | 'ownPaymentAccount'
  | 'adminImage'
  | 'resellerImage'
  | 'clientImage'
  | 'contact'
  | 'group'
  | 'template'
  | 'keyword'
  | 'campaign';

/** The smallest PNG signature the image check accepts (content is checked by magic bytes). */
const ID_KINDS: [RegExp, IdKind][] = [
  [/^\/api\/admin\/resellers\/\{id\}/, 'reseller'],
  [/^\/api\/admin\/topup-requests\/\{id\}/, 'topup'],
  [/^\/api\/admin\/packages\/\{id\}/, 'package'],
  [/^\/api\/admin\/admins\/\{id\}/, 'admin'],
  [/^\/api\/reseller\/clients\/\{id\}/, 'client'],
  [/^\/v3\/reseller\/accounts\/\{id\}/, 'client'],
  [/^\/api\/reseller\/api-keys\/\{id\}/, 'resellerKey'],
  [/^\/api\/v1\/messages\/\{id\}/, 'message'],
  [/^\/api\/3rdparty\/v1\/messages?\/\{id\}/, 'message'],
  [/^\/api\/v1\/devices\/\{id\}/, 'device'],
  [/^\/api\/3rdparty\/v1\/devices\/\{id\}/, 'device'],
  [/^\/api\/3rdparty\/v1\/auth\/token\/\{id\}/, 'gatewayToken'],
  [/^\/api\/mobile\/v1\/inbound\/\{id\}/, 'device'],
  [/^\/api\/v1\/api-keys\/\{id\}/, 'clientKey'],
  [/^\/api\/v1\/webhooks\/\{id\}/, 'webhook'],
  // (App webhooks: the tenant has none, so its own id is one that names nothing here.)
  [/^\/api\/3rdparty\/v1\/webhooks\/\{id\}/, 'webhook'],
  [/^\/api\/admin\/payment-accounts\/\{id\}/, 'paymentAccount'],
  [/^\/api\/reseller\/own-payment-accounts\/\{id\}/, 'ownPaymentAccount'],
  [/^\/api\/admin\/images\/\{id\}/, 'adminImage'],
  [/^\/api\/reseller\/images\/\{id\}/, 'resellerImage'],
  [/^\/api\/v1\/images\/\{id\}/, 'clientImage'],
  [/^\/api\/v1\/contacts\/\{id\}/, 'contact'],
  [/^\/api\/v1\/groups\/\{id\}/, 'group'],
  [/^\/api\/v1\/templates\/\{id\}/, 'template'],
  [/^\/api\/v1\/keywords\/\{id\}/, 'keyword'],
  [/^\/api\/v1\/campaigns\/\{id\}/, 'campaign'],
];

export function idKindOf(e: Endpoint): IdKind {
  const hit = ID_KINDS.find(([re]) => re.test(e.path));
  // A new {id} route must say what its id names, so it gets own, foreign and malformed ids.
  if (!hit) throw new Error(`no id kind for ${e.method} ${e.path}: add it to ID_KINDS`);
  return hit[1];
}

export function ownId(kind: IdKind, t: Tenant, targets: AdminTargets): string {
  const byKind: Record<IdKind, string | number> = {
    reseller: targets.resellerId,
    topup: targets.topupId,
    package: targets.packageId,
    admin: targets.adminId,
    client: t.clientId,
    resellerKey: t.spareResellerKeyId,
    clientKey: t.spareClientKeyId,
    message: t.messageId,
    device: t.spareDeviceId,
    gatewayToken: t.spareGatewayTokenId,
    webhook: t.webhookId,
    paymentAccount: targets.paymentAccountId,
    ownPaymentAccount: t.ownPaymentAccountId,
    adminImage: targets.imageId,
    resellerImage: t.slipImageId,
    clientImage: t.qrImageId,
    contact: t.contactId,
    group: t.groupId,
    template: t.templateId,
    keyword: t.keywordId,
    campaign: t.campaignId,
  };
  return String(byKind[kind]);
}

/** Ids that exist but are not this tenant's (or are not of this kind): each must be 404/403, never acted on. */
export function foreignIds(kind: IdKind, w: World): string[] {
  const nums = (ids: number[]) => ids.flatMap((id, i) => (i === 0 ? idSpellings(id) : [String(id)]));
  switch (kind) {
    case 'client':
      return nums([w.B.clientId, w.B.resellerId, w.A.resellerId, w.admin.actor.userId]);
    case 'resellerKey':
      return nums([w.B.resellerKeyId, w.A.clientKeyId, w.B.clientKeyId]);
    case 'clientKey':
      return nums([w.B.clientKeyId, w.A.resellerKeyId, w.B.resellerKeyId]);
    case 'webhook':
      return nums([w.B.webhookId]);
    case 'ownPaymentAccount':
      return nums([w.B.ownPaymentAccountId, w.targetsA.paymentAccountId]);
    case 'resellerImage':
      return nums([w.B.slipImageId, w.B.qrImageId]);
    case 'clientImage':
      return nums([w.B.qrImageId, w.B.slipImageId, w.A.slipImageId, w.targetsA.imageId]);
    case 'contact':
      return nums([w.B.contactId]);
    case 'group':
      return nums([w.B.groupId]);
    case 'template':
      return nums([w.B.templateId]);
    case 'keyword':
      return nums([w.B.keywordId]);
    case 'campaign':
      return nums([w.B.campaignId]);
    case 'message':
      return [w.B.messageId, ` ${w.B.messageId}`, w.B.messageId.toUpperCase(), `${w.B.messageId}%`];
    case 'device':
      return [w.B.deviceId, ` ${w.B.deviceId}`, w.B.deviceId.toUpperCase()];
    case 'gatewayToken':
      return [w.B.spareGatewayTokenId, w.B.spareGatewayTokenId.toUpperCase()];
    // The admin is platform-wide; ids that name nothing instead.
    default:
      return ['2147483647', '999999'];
  }
}
