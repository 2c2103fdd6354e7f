// Every API family is the one request core (lib/http/pipeline/core.ts) with its own credentials, error
// shape and body limit. A route file is `export const GET = api({ ...contract }, async (ctx) => ...)`.
import 'server-only';
import { anonymous, bearer, browserSession, clicksendBasic } from './pipeline/authenticators';
import { defineFamily } from './pipeline/core';
import { appFormat, clicksendFormat, ourFormat } from './pipeline/formatters';
import { deviceToken, gatewayBasic, gatewayScopes, inboundUrl, optionalDeviceToken, registration } from './pipeline/gateway-auth';

export const MAX_BODY_BYTES = 1_000_000;

/** Our own API: /api/admin, /api/reseller, /api/v1 — Bearer login tokens and API keys. */
export const api = defineFamily({
  name: 'api',
  auths: { none: anonymous, admin: bearer('admin'), reseller: bearer('reseller'), client: bearer('client') },
  format: ourFormat,
  bodyLimit: MAX_BODY_BYTES,
  notFound: 'Resource not found.',
});

/** The ClickSend-compatible reseller API (/v3): Basic email + API key, ClickSend's envelope. */
export const clicksend = defineFamily({
  name: 'clicksend',
  auths: { clicksend: clicksendBasic },
  format: clicksendFormat,
  bodyLimit: 100_000,
  notFound: 'Account not found.',
});

/** The app's private-server protocol (/api/mobile/v1). */
export const mobile = defineFamily({
  name: 'mobile',
  auths: { device: deviceToken, optionalDevice: optionalDeviceToken, registration, gateway: gatewayBasic, inbound: inboundUrl },
  format: appFormat,
  bodyLimit: MAX_BODY_BYTES,
  notFound: 'Device not found.',
});

/**
 * The app server's 3rd-party API (/api/3rdparty/v1), so its client libraries send through us. A route names
 * the scope it needs (`auth: 'messages:send'`): Basic gateway login, or a JWT access token with that scope.
 */
export const thirdparty = defineFamily({
  name: 'thirdparty',
  auths: { none: anonymous, ...gatewayScopes },
  format: appFormat,
  bodyLimit: MAX_BODY_BYTES,
  notFound: 'Message not found.',
});

/** Downloads for a signed-in browser (CSV exports): the portal session; errors in our shape. */
export const portal = defineFamily({
  name: 'portal',
  auths: { admin: browserSession('admin'), reseller: browserSession('reseller'), client: browserSession('client') },
  format: ourFormat,
  bodyLimit: MAX_BODY_BYTES,
  notFound: 'Not found.',
});

/** Everything else that answers HTTP: the public brand logos, the OpenAPI document, Auth.js's endpoints. */
export const raw = defineFamily({
  name: 'raw',
  auths: { none: anonymous },
  format: ourFormat,
  bodyLimit: 64_000,
  notFound: 'Not found.',
});
