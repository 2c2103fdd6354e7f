import 'server-only';
import { createHmac } from 'node:crypto';
import type { z } from 'zod';
import { type Db, getDb } from '@/db';
import { bearerFrom } from '@/lib/auth/tokens';
import { DomainError } from '@/lib/errors';
import { logError } from '@/lib/log';
import { type Device, type DeviceAuth, deviceFromToken } from '@/lib/services/devices';
import type { MessageView } from '@/lib/services/messages';
import { assertStorableText, isStorableText, toDomainError, zodFieldErrors } from './errors';

// The private-server protocol of the "SMS Gateway for Android" app (docs/device-protocol.md):
// camelCase JSON, errors as {"message": "..."} with the HTTP status.

export function mobileError(err: unknown): Response {
  const d = toDomainError(err);
  if (d.code === 'internal_error') logError('unhandled error in mobile API', err);
  const fields = d.details.fields as Record<string, string[]> | undefined;
  const message = fields
    ? `${d.message} ${Object.entries(fields)
        .map(([k, v]) => `${k}: ${v.join(' ')}`)
        .join('; ')}`
    : d.message;
  return Response.json({ message, code: d.code }, { status: d.status === 402 ? 400 : d.status });
}

export async function readMobileJson<S extends z.ZodType>(req: Request, schema: S): Promise<z.output<S>> {
  if (Number(req.headers.get('content-length') ?? 0) > 1_000_000) throw new DomainError('payload_too_large', 'Request body is too large.');
  const text = await req.text();
  if (text.length > 1_000_000) throw new DomainError('payload_too_large', 'Request body is too large.');
  let raw: unknown;
  try {
    raw = text.trim() ? JSON.parse(text) : {};
  } catch {
    throw new DomainError('invalid_json', 'The request body is not valid JSON.');
  }
  assertStorableText(raw);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new DomainError('validation_failed', 'Invalid request.', { fields: zodFieldErrors(parsed.error) });
  return parsed.data;
}

/** The registration header: Basic (gateway login), `Code <one-time code>`, or Bearer (pairing token). */
export function registrationAuth(header: string | null): DeviceAuth {
  const h = header?.trim() ?? '';
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(h);
  if (basic) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const i = decoded.indexOf(':');
    // A login the database cannot compare (NUL) is simply wrong credentials.
    if (i > 0 && !isStorableText(decoded)) throw new DomainError('unauthorized', 'Invalid gateway login or password.');
    if (i > 0) return { kind: 'basic', login: decoded.slice(0, i), password: decoded.slice(i + 1) };
  }
  const code = /^Code\s+(\S+)$/i.exec(h);
  if (code) return { kind: 'code', code: code[1] };
  const bearer = bearerFrom(h);
  if (bearer) return { kind: 'bearer', token: bearer };
  throw new DomainError('unauthorized', 'Send gateway credentials (Basic), a one-time code (Code) or a pairing token (Bearer).');
}

/** App version from the app's User-Agent, when it says one (e.g. "SMSGate/1.68.0 …"). */
export function appVersionFrom(req: Request): string | null {
  const ua = req.headers.get('user-agent') ?? '';
  const m = /(?:SMSGate|sms-gateway|android-sms-gateway)[^/]*\/(\d+(?:\.\d+)+)/i.exec(ua);
  return m ? m[1] : null;
}

/** Every device-token endpoint: resolve the device (updating last seen), run, map errors. */
export function withDevice(handler: (ctx: { req: Request; db: Db; device: Device }) => Promise<Response>) {
  return async (req: Request): Promise<Response> => {
    try {
      const token = bearerFrom(req.headers.get('authorization'));
      if (!token) throw new DomainError('unauthorized', 'Missing device token.');
      const db = await getDb();
      const device = await deviceFromToken(db, token, new Date(), { appVersion: appVersionFrom(req) });
      return await handler({ req, db, device });
    } catch (err) {
      return mobileError(err);
    }
  };
}

/** A message as the app reads it from GET /message. */
export function mobileMessage(m: MessageView) {
  return {
    id: m.id,
    message: m.message,
    textMessage: { text: m.message },
    phoneNumbers: m.recipients.map((r) => r.phone),
    withDeliveryReport: true,
    validUntil: m.valid_until,
    state: 'Pending',
    createdAt: m.created_at,
  };
}

/** The secret in the inbound-SMS webhook URL we hand each device (GET /webhooks). */
export function inboundSignature(deviceId: string): string {
  const secret = process.env.AUTH_SECRET ?? 'dev-only-secret';
  return createHmac('sha256', secret).update(`inbound:${deviceId}`).digest('base64url').slice(0, 32);
}
