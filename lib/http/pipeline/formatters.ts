// How each API family answers: our `{error: {code, message, details}}`, ClickSend's envelope, and the
// Android app's `{message, code}`. Success bodies are the handler's JSON (or its own Response).
import type { DomainError } from '@/lib/errors';
import type { Formatter } from './types';

const json = (result: unknown, status: number): Response =>
  result instanceof Response ? result : status === 204 ? new Response(null, { status }) : Response.json(result, { status });

export const ourFormat: Formatter<unknown> = {
  ok: json,
  error: (d) => ({ status: d.status, body: { error: { code: d.code, message: d.message, details: d.details } } }),
};

/** The Android app's protocols: `{message, code}` with the HTTP status; a 402 is a 400 there. */
export const appFormat: Formatter<unknown> = {
  ok: json,
  error(d: DomainError) {
    const fields = d.details.fields as Record<string, string[]> | undefined;
    const message = fields
      ? `${d.message} ${Object.entries(fields)
          .map(([k, v]) => `${k}: ${v.join(' ')}`)
          .join('; ')}`
      : d.message;
    return { status: d.status === 402 ? 400 : d.status, body: { message, code: d.code } };
  },
};

// ClickSend's envelope: {http_code, response_code, response_msg, data}; the HTTP status always equals
// http_code, because ClickSend's SDKs decide success from the status line alone.
const RESPONSE_CODE: Record<number, string> = {
  200: 'SUCCESS',
  201: 'CREATED',
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_FOUND',
  413: 'BAD_REQUEST',
  422: 'BAD_REQUEST',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL_SERVER_ERROR',
};

export interface ClickSendResult {
  status?: number;
  message: string;
  data: unknown;
}

const envelope = (status: number, message: string, data: unknown, code?: string) => ({
  status,
  body: { http_code: status, response_code: code ?? RESPONSE_CODE[status] ?? 'BAD_REQUEST', response_msg: message, data },
});

export const clicksendFormat: Formatter<ClickSendResult> = {
  ok(r, status) {
    const e = envelope(r.status ?? status, r.message, r.data);
    return Response.json(e.body, { status: e.status });
  },
  error(d) {
    switch (d.code) {
      case 'validation_failed':
      case 'invalid_json':
        return envelope(400, d.message, d.details, 'MISSING_REQUIRED_FIELDS');
      case 'insufficient_credit':
        return envelope(400, d.message, d.details, 'INSUFFICIENT_CREDIT');
      case 'email_taken':
        return envelope(400, d.message, d.details, 'ALREADY_EXISTS');
      case 'unauthorized':
      case 'invalid_credentials':
        return envelope(401, d.message, null, 'INVALID_CREDENTIALS');
      default:
        return envelope(d.status === 402 ? 400 : d.status, d.message, Object.keys(d.details).length ? d.details : null);
    }
  },
};
