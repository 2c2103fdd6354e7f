// The credentials of the Android app's protocols (docs/device-protocol.md): a device token, the gateway
// login (Basic), what registration accepts (Basic, a one-time code, a pairing token), and the signed URL
// the app posts incoming SMS to.
import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { bearerFrom } from '@/lib/auth/tokens';
import { DomainError } from '@/lib/errors';
import { type Device, type DeviceAuth, deviceFromToken } from '@/lib/services/devices';
import { activeGatewayClient, assertGatewayClientActive } from '@/lib/services/gateway-credentials';
import { GATEWAY_SCOPES, type GatewayScope, verifyGatewayToken } from '@/lib/services/gateway-tokens';
import { isStorableText } from '../errors';
import { apiLimitPerMinute, deviceLimitPerMinute } from '../rate-limit';
import { type Anonymous, basicCredentials, type Signed } from './authenticators';
import type { Authenticator, Principal } from './types';

/** Wrong one-time codes allowed per address in 15 minutes. */
export const PAIRING_GUESSES = 5;

/** App version from the app's User-Agent, when it says one (e.g. "SMSGate/1.68.0 …"). */
export function appVersionFrom(req: Request): string | null {
  const ua = req.headers.get('user-agent') ?? '';
  const m = /(?:SMSGate|sms-gateway|android-sms-gateway)[^/]*\/(\d+(?:\.\d+)+)/i.exec(ua);
  return m ? m[1] : null;
}

export type DevicePrincipal = { actor: null; device: Device; limit: Principal['limit'] };

/** `Authorization: Bearer <device token>`: the phone (updating its last seen). */
export const deviceToken: Authenticator<DevicePrincipal> = {
  doc: 'device',
  async authenticate(req, { db }) {
    const token = bearerFrom(req.headers.get('authorization'));
    if (!token) throw new DomainError('unauthorized', 'Missing device token.');
    // The bucket is the device's: known only from the token's row, so counted by the statement that
    // writes last seen (lib/services/devices.ts), and settled by the core.
    const perMinute = deviceLimitPerMinute();
    const { hits, ...device } = await deviceFromToken(db, token, new Date(), {
      appVersion: appVersionFrom(req),
      countHit: { bucketPrefix: 'api:device:', limit: perMinute, windowMs: 60_000 },
    });
    return { actor: null, device, limit: { bucket: `api:device:${device.id}`, perMinute, counted: hits } };
  },
};

/** GET /device: the token is optional, and a wrong one is no error (the app reads only externalIp). */
export const optionalDeviceToken: Authenticator<{ actor: null; device: Device | null; limit: Principal['limit'] }> = {
  doc: 'none',
  async authenticate(req, { db }) {
    const token = bearerFrom(req.headers.get('authorization'));
    const device = token ? await deviceFromToken(db, token).catch(() => null) : null;
    return { actor: null, device, limit: device ? { bucket: `api:device:${device.id}`, perMinute: deviceLimitPerMinute() } : null };
  },
};

/** The gateway login (Basic) of a client that may use it now (3rd-party API, GET /user/code). */
export const gatewayBasic: Authenticator<Signed> = {
  doc: 'gateway',
  async authenticate(req, { db, ip }) {
    const basic = basicCredentials(req.headers.get('authorization'));
    if (!basic) throw new DomainError('unauthorized', 'Use Basic auth with your gateway login and password.');
    // A login the database cannot compare (NUL) is simply wrong credentials.
    if (!isStorableText(basic.user)) throw new DomainError('unauthorized', 'Invalid gateway login or password.');
    const clientId = await activeGatewayClient(db, basic.user, basic.secret);
    return {
      actor: { userId: clientId, role: 'client', ip },
      limit: { bucket: `api:gateway:${clientId}`, perMinute: apiLimitPerMinute() },
    };
  },
};

/**
 * The 3rd-party API's credential for one operation: the gateway login (Basic, every scope), or a JWT
 * access token from POST /auth/token (`Bearer <jwt>`, the official clients' `Client("", token)` form) that
 * grants `scope`. A token without it is 403; a suspended or expired client is 403 either way.
 */
export function gatewayScoped(scope: GatewayScope): Authenticator<Signed> {
  return {
    doc: 'gateway',
    async authenticate(req, ctx) {
      const token = bearerFrom(req.headers.get('authorization'));
      if (!token) return gatewayBasic.authenticate(req, ctx);
      const clientId = await verifyGatewayToken(ctx.db, token, scope);
      await assertGatewayClientActive(ctx.db, clientId);
      return {
        actor: { userId: clientId, role: 'client', ip: ctx.ip },
        limit: { bucket: `api:gateway:${clientId}`, perMinute: apiLimitPerMinute() },
      };
    },
  };
}

/** Every scoped credential of the 3rd-party API, by scope (the family's auth names). */
export const gatewayScopes = Object.fromEntries(GATEWAY_SCOPES.map((s) => [s, gatewayScoped(s)])) as Record<
  GatewayScope,
  Authenticator<Signed>
>;

/** The registration header: Basic (gateway login), `Code <one-time code>`, or Bearer (pairing token). */
export function registrationAuth(header: string | null): DeviceAuth {
  const h = header?.trim() ?? '';
  if (/^Basic\s/i.test(h)) {
    const basic = basicCredentials(h);
    if (basic && !isStorableText(basic.user)) throw new DomainError('unauthorized', 'Invalid gateway login or password.');
    if (basic) return { kind: 'basic', login: basic.user, password: basic.secret };
  }
  const code = /^Code\s+(\S+)$/i.exec(h);
  if (code) return { kind: 'code', code: code[1] };
  const bearer = bearerFrom(h);
  if (bearer) return { kind: 'bearer', token: bearer };
  throw new DomainError('unauthorized', 'Send gateway credentials (Basic), a one-time code (Code) or a pairing token (Bearer).');
}

/** POST /device: who registers is checked by the registration itself (it consumes a code in its transaction). */
export const registration: Authenticator<Anonymous & { deviceAuth: DeviceAuth }> = {
  doc: 'gateway',
  guard: (req) =>
    /^Code\s/i.test(req.headers.get('authorization')?.trim() ?? '')
      ? { bucket: 'pairing', limit: PAIRING_GUESSES, windowMs: 15 * 60_000, strict: true }
      : { bucket: 'authfail', limit: apiLimitPerMinute(), windowMs: 60_000 },
  async authenticate(req) {
    return { actor: null, limit: null, deviceAuth: registrationAuth(req.headers.get('authorization')) };
  },
};

/** The secret in the inbound-SMS webhook URL we hand each device (GET /webhooks). */
export function inboundSignature(deviceId: string): string {
  const secret = process.env.AUTH_SECRET ?? 'dev-only-secret';
  return createHmac('sha256', secret).update(`inbound:${deviceId}`).digest('base64url').slice(0, 32);
}

/** POST /inbound/:deviceId?sig=…: the URL's signature is the credential. */
export const inboundUrl: Authenticator<{ actor: null; limit: Principal['limit'] }> = {
  doc: 'none',
  guard: () => ({ bucket: 'authfail', limit: apiLimitPerMinute(), windowMs: 60_000 }),
  async authenticate(req, { params }) {
    const id = params.id ?? '';
    const sig = new URL(req.url).searchParams.get('sig') ?? '';
    const want = inboundSignature(id);
    if (sig.length !== want.length || !timingSafeEqual(Buffer.from(sig), Buffer.from(want)))
      throw new DomainError('unauthorized', 'Bad signature.');
    return { actor: null, limit: { bucket: `api:inbound:${id}`, perMinute: deviceLimitPerMinute() } };
  },
};
