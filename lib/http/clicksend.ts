import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Db, getDb } from '@/db';
import { apiTokens, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { hashToken } from '@/lib/auth/tokens';
import { DomainError } from '@/lib/errors';
import { logError } from '@/lib/log';
import { idParam } from '@/lib/validation/common';
import { clientIp } from './api';
import { assertStorableText, isStorableText, toDomainError } from './errors';

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

export function envelope(status: number, message: string, data: unknown, code?: string): Response {
  return Response.json(
    { http_code: status, response_code: code ?? RESPONSE_CODE[status] ?? 'BAD_REQUEST', response_msg: message, data },
    { status },
  );
}

function errorEnvelope(err: unknown): Response {
  const d = toDomainError(err);
  if (d.code === 'internal_error') logError('unhandled error in ClickSend API', err);
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
    default: {
      const status = d.status === 402 ? 400 : d.status;
      return envelope(status, d.message, Object.keys(d.details).length ? d.details : null);
    }
  }
}

/** HTTP Basic: username = the reseller's email, password = one of its API keys. */
async function resellerFromBasic(db: Db, header: string | null, ip: string | null): Promise<Actor> {
  const m = header ? /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header.trim()) : null;
  if (!m) throw new DomainError('unauthorized', 'Send HTTP Basic credentials: your account email and an API key.');
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const username = colon >= 0 ? decoded.slice(0, colon) : '';
  const key = colon >= 0 ? decoded.slice(colon + 1) : '';
  if (!username || !key || !isStorableText(username)) throw new DomainError('unauthorized', 'Invalid username or API key.');
  const [row] = await db
    .select({ tokenId: apiTokens.id, userId: users.id, role: users.role, status: users.status, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, hashToken(key)),
        eq(apiTokens.kind, 'api_key'),
        isNull(apiTokens.revokedAt),
        eq(sql`lower(${users.email})`, username.trim().toLowerCase()),
      ),
    );
  if (row?.role !== 'reseller' || row.status === 'archived') throw new DomainError('unauthorized', 'Invalid username or API key.');
  if (row.status !== 'active') throw new DomainError('account_suspended', 'This account is suspended.');
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.tokenId));
  }
  return { userId: row.userId, role: 'reseller', ip };
}

type RouteContext = { params: Promise<Record<string, string | string[]>> };
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/** The ClickSend-compatible twin of withApi: Basic auth, zod validation, ClickSend's envelope. */
export function withClickSend<BS extends z.ZodType | undefined = undefined, QS extends z.ZodType | undefined = undefined>(
  opts: { body?: BS; query?: QS },
  handler: (ctx: {
    db: Db;
    actor: Actor;
    body: Out<BS>;
    query: Out<QS>;
    id: number;
  }) => Promise<{ status?: number; message: string; data: unknown }>,
) {
  return async (req: Request, route: RouteContext): Promise<Response> => {
    try {
      const db = await getDb();
      const actor = await resellerFromBasic(db, req.headers.get('authorization'), clientIp(req));
      const params = route?.params ? await route.params : {};
      let id = 0;
      if (typeof params.id === 'string') {
        const parsed = idParam.safeParse(params.id);
        if (!parsed.success) throw new DomainError('not_found', 'Account not found.');
        id = parsed.data;
      }
      let raw: unknown = {};
      if (opts.body) {
        if (Number(req.headers.get('content-length') ?? 0) > 100_000)
          throw new DomainError('payload_too_large', 'Request body is too large.');
        const text = await req.text();
        if (text.length > 100_000) throw new DomainError('payload_too_large', 'Request body is too large.');
        try {
          raw = text.trim() ? JSON.parse(text) : {};
        } catch {
          throw new DomainError('invalid_json', 'The request body is not valid JSON.');
        }
      }
      assertStorableText(raw);
      const body = opts.body ? opts.body.parse(raw) : undefined;
      const search = opts.query ? Object.fromEntries(new URL(req.url).searchParams) : undefined;
      assertStorableText(search);
      const query = opts.query ? opts.query.parse(search) : undefined;
      const out = await handler({ db, actor, body, query, id } as { db: Db; actor: Actor; body: Out<BS>; query: Out<QS>; id: number });
      return envelope(out.status ?? 200, out.message, out.data);
    } catch (err) {
      return errorEnvelope(err);
    }
  };
}
