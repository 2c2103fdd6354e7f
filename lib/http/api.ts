import 'server-only';
import type { z } from 'zod';
import { type Db, getDb } from '@/db';
import type { Actor, Role } from '@/lib/auth/permissions';
import { bearerFrom } from '@/lib/auth/tokens';
import { DomainError } from '@/lib/errors';
import { actorFromToken } from '@/lib/services/auth';
import { idParam } from '@/lib/validation/common';
import { assertStorableText, errorResponse, isStorableText, toDomainError } from './errors';
import { idempotent } from './idempotency';
import { API_LIMIT_PER_MINUTE, hitRateLimit } from './rate-limit';

export const MAX_BODY_BYTES = 1_000_000;

type RouteContext = { params: Promise<Record<string, string | string[]>> };

export interface ApiContext<B, Q, A extends Role | 'none'> {
  req: Request;
  db: Db;
  actor: A extends Role ? Actor : null;
  body: B;
  query: Q;
  /** The numeric `:id` route parameter, when the route has one. */
  id: number;
  /** The `:id` route parameter as text (message and device ids are strings). */
  textId: string;
  ip: string | null;
}

interface ApiOptions<BS extends z.ZodType | undefined, QS extends z.ZodType | undefined, A extends Role | 'none'> {
  auth: A;
  body?: BS;
  query?: QS;
  /** Status of a successful answer (201 for creates). */
  status?: number;
  /** `text`: the route's :id is a string id (messages, devices), not a number. */
  idKind?: 'number' | 'text';
  /** Money-moving or message-creating POST: honours the Idempotency-Key header. */
  idempotent?: boolean;
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/**
 * Every API route is `withApi(options, handler)`: authenticate, parse and validate the body and query with
 * zod, call a service, answer JSON. Errors map to `{error: {code, message, details}}` in one place.
 */
export function withApi<
  BS extends z.ZodType | undefined = undefined,
  QS extends z.ZodType | undefined = undefined,
  A extends Role | 'none' = 'none',
>(opts: ApiOptions<BS, QS, A>, handler: (ctx: ApiContext<Out<BS>, Out<QS>, A>) => Promise<unknown>) {
  return async (req: Request, route: RouteContext): Promise<Response> => {
    try {
      const ip = clientIp(req);
      const params = route?.params ? await route.params : {};
      let id = 0;
      const textId = typeof params.id === 'string' ? params.id : '';
      // A text id the database cannot even compare (NUL) names nothing.
      if (!isStorableText(textId)) throw new DomainError('not_found', 'Resource not found.');
      if (typeof params.id === 'string' && opts.idKind !== 'text') {
        const parsed = idParam.safeParse(params.id);
        // A malformed id names nothing: the same 404 as another tenant's id.
        if (!parsed.success) throw new DomainError('not_found', 'Resource not found.');
        id = parsed.data;
      }
      const db = await getDb();
      let actor: Actor | null = null;
      if (opts.auth !== 'none') {
        const token = bearerFrom(req.headers.get('authorization'));
        if (!token) throw new DomainError('unauthorized', 'Missing or invalid credentials.');
        const t = await actorFromToken(db, token, opts.auth as Role, ip);
        await hitRateLimit(db, `api:token:${t.tokenId}`, t.rateLimit ?? API_LIMIT_PER_MINUTE, 60_000);
        actor = { userId: t.userId, role: t.role, ip };
      }
      const text = opts.body ? await readBody(req) : '';
      const raw = opts.body ? parseJson(text) : undefined;
      assertStorableText(raw);
      const body = opts.body ? opts.body.parse(raw) : undefined;
      const search = opts.query ? Object.fromEntries(new URL(req.url).searchParams) : undefined;
      assertStorableText(search);
      const query = opts.query ? opts.query.parse(search) : undefined;
      const run = async (on: Db) => {
        const result = await handler({ req, db: on, actor, body, query, id, textId, ip } as ApiContext<Out<BS>, Out<QS>, A>);
        if (result instanceof Response) return result;
        return Response.json(result, { status: opts.status ?? 200 });
      };
      const key = req.headers.get('idempotency-key');
      if (!opts.idempotent || !key || !actor) return await run(db);
      const url = new URL(req.url);
      // The handler runs on the key's transaction: key, money move and stored answer commit together.
      const stored = await idempotent(
        db,
        actor.userId,
        key,
        `${req.method} ${url.pathname}\n${text}`,
        async (tx) => {
          const res = await run(tx);
          return { status: res.status, body: await res.json() };
        },
        (err) => {
          const d = toDomainError(err);
          return { status: d.status, body: { error: { code: d.code, message: d.message, details: d.details } } };
        },
      );
      return Response.json(stored.body, { status: stored.status, headers: stored.replayed ? { 'Idempotent-Replayed': 'true' } : {} });
    } catch (err) {
      return errorResponse(err);
    }
  };
}

async function readBody(req: Request): Promise<string> {
  const declared = Number(req.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) throw new DomainError('payload_too_large', `Request body is larger than ${MAX_BODY_BYTES} bytes.`);
  const text = await req.text();
  if (text.length > MAX_BODY_BYTES) throw new DomainError('payload_too_large', `Request body is larger than ${MAX_BODY_BYTES} bytes.`);
  return text;
}

function parseJson(text: string): unknown {
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new DomainError('invalid_json', 'The request body is not valid JSON.');
  }
}

export function clientIp(req: Request): string | null {
  const fwd = req.headers.get('x-forwarded-for');
  if (fwd) return fwd.split(',')[0].trim() || null;
  return req.headers.get('x-real-ip');
}
