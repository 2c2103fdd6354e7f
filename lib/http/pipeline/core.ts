// The one request core under every API family (docs/ARCHITECTURE.md, "Request pipeline"):
// route params → size-capped streaming body → authenticator → rate limit → zod → handler → formatter.
// A family (lib/http/families.ts) is this core with its authenticators, error formatter and body limit.
import 'server-only';
import { isRedirectError } from 'next/dist/client/components/redirect-error';
import type { z } from 'zod';
import { type Db, getDb } from '@/db';
import { DomainError } from '@/lib/errors';
import { logError } from '@/lib/log';
import { clientIp } from '../client-ip';
import { assertStorableText, isStorableText, toDomainError } from '../errors';
import { idempotent } from '../idempotency';
import { addToBucket, apiLimitPerMinute, assertNotBlocked, hitRateLimit, ipBucket, settleHit } from '../rate-limit';
import { parseJsonBody, readCappedBody } from './body';
import type { Authenticator, Formatter, Principal, RouteMeta, RouteSpec } from './types';

export type RouteContext = { params: Promise<Record<string, string | string[]>> };
/** A Next route handler, carrying its declared contract for the OpenAPI document and the test suites. */
export type RouteHandler = ((req: Request, route?: RouteContext) => Promise<Response>) & { meta: RouteMeta };

export interface BaseContext<B, Q> {
  req: Request;
  db: Db;
  ip: string | null;
  body: B;
  query: Q;
  /** The numeric `:id` route parameter, when the route has one (0 otherwise). */
  id: number;
  /** The `:id` route parameter as text (message and device ids are strings). */
  textId: string;
  /** Every route parameter as text (a catch-all's segments joined with /). */
  params: Record<string, string>;
  /** The raw body text, when the route reads one. */
  text: string;
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
type PrincipalOf<T> = T extends Authenticator<infer P> ? P : never;
export type HandlerContext<P, BS, QS> = BaseContext<Out<BS>, Out<QS>> & P;

export interface FamilyConfig<Auths extends Record<string, Authenticator<Principal>>, R> {
  name: RouteMeta['family'];
  auths: Auths;
  format: Formatter<R>;
  /** Largest body accepted, in bytes. */
  bodyLimit: number;
  /** The 404 a malformed or unstorable id gets (it names nothing). */
  notFound: string;
}

const AUTH_FAILURES = new Set(['unauthorized', 'invalid_credentials']);
const defaultGuard = () => ({ bucket: 'authfail', limit: apiLimitPerMinute(), windowMs: 60_000, strict: false });

function routeParams(raw: Record<string, string | string[]>, spec: RouteSpec, notFound: string) {
  const params = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join('/') : v]));
  // A parameter the database cannot even compare (NUL, broken Unicode) names nothing.
  if (Object.values(params).some((v) => !isStorableText(v))) throw new DomainError('not_found', notFound);
  let id = 0;
  if (params.id !== undefined && spec.id !== 'text') {
    // Digits only: " 7", "7.0", "0x7" and "+7" name nothing, like another tenant's id.
    if (!/^[1-9][0-9]{0,9}$/.test(params.id) || Number(params.id) > 2_147_483_647) throw new DomainError('not_found', notFound);
    id = Number(params.id);
  }
  return { params, id, textId: params.id ?? '' };
}

/** Builds the family's `route(spec, handler)`: each API family is this function with its own configuration. */
export function defineFamily<Auths extends Record<string, Authenticator<Principal>>, R>(family: FamilyConfig<Auths, R>) {
  const answer = (d: DomainError): Response => {
    const { status, body } = family.format.error(d);
    const retry = d.details.retry_after;
    return Response.json(body, { status, headers: typeof retry === 'number' ? { 'Retry-After': String(retry) } : {} });
  };

  return function route<
    A extends keyof Auths & string,
    BS extends z.ZodType | undefined = undefined,
    QS extends z.ZodType | undefined = undefined,
  >(spec: RouteSpec<A, BS, QS>, handler: (ctx: HandlerContext<PrincipalOf<Auths[A]>, BS, QS>) => Promise<R>): RouteHandler {
    const auth = family.auths[spec.auth];
    const run = async (req: Request, route?: RouteContext): Promise<Response> => {
      const ip = clientIp(req.headers);
      let guard: { bucket: string; limit: number; windowMs: number; strict: boolean } | null = null;
      let reserved = false;
      let db: Db | null = null;
      try {
        const { params, id, textId } = routeParams(route?.params ? await route.params : {}, spec, family.notFound);
        const text = spec.body || spec.rawBody ? await readCappedBody(req, spec.bodyLimit ?? family.bodyLimit) : '';
        db = await getDb();
        const g = auth.guard ? auth.guard(req) : auth.doc === 'none' ? null : defaultGuard();
        guard = g && ip ? { ...g, strict: g.strict ?? false, bucket: ipBucket(g.bucket, ip) } : null;
        if (guard) {
          // Guessing costs: refused unchecked once this address has used up its failures. A strict guard
          // (pairing codes) counts the attempt first and gives it back when it was not a wrong guess.
          assertNotBlocked(guard.bucket, guard.limit);
          if (guard.strict) {
            await hitRateLimit(db, guard.bucket, guard.limit, guard.windowMs);
            reserved = true;
          }
        }
        const principal = (await auth.authenticate(req, { db, ip, params })) as PrincipalOf<Auths[A]>;
        if (principal.limit) {
          // Counted by the authenticator's own statement: that count decides (a request counted before
          // another reached the limit passes, whatever this process remembered meanwhile).
          if (principal.limit.counted !== undefined)
            settleHit(principal.limit.bucket, principal.limit.counted, principal.limit.perMinute, 60_000);
          else {
            assertNotBlocked(principal.limit.bucket, principal.limit.perMinute);
            await hitRateLimit(db, principal.limit.bucket, principal.limit.perMinute, 60_000);
          }
        }
        const raw = spec.body ? parseJsonBody(text) : undefined;
        assertStorableText(raw);
        const body = spec.body ? spec.body.parse(raw) : undefined;
        const search = spec.query ? Object.fromEntries(new URL(req.url).searchParams) : undefined;
        assertStorableText(search);
        const query = spec.query ? spec.query.parse(search) : undefined;
        const call = async (on: Db) =>
          handler({ ...principal, req, db: on, ip, body, query, id, textId, params, text } as HandlerContext<
            PrincipalOf<Auths[A]>,
            BS,
            QS
          >);
        const status = spec.status ?? 200;
        const key = req.headers.get('idempotency-key');
        let res: Response;
        if (spec.idempotent && key && principal.actor) {
          const url = new URL(req.url);
          // The handler runs on the key's transaction: key, money move and stored answer commit together.
          const stored = await idempotent(
            db,
            principal.actor.userId,
            key,
            `${req.method} ${url.pathname}\n${text}`,
            async (tx) => {
              const r = family.format.ok(await call(tx), status);
              return { status: r.status, body: await r.json() };
            },
            (err) => family.format.error(toDomainError(err)),
          );
          res = Response.json(stored.body, { status: stored.status, headers: stored.replayed ? { 'Idempotent-Replayed': 'true' } : {} });
        } else {
          res = family.format.ok(await call(db), status);
        }
        if (reserved && guard && db) await addToBucket(db, guard.bucket, -1, guard.limit, guard.windowMs);
        return res;
      } catch (err) {
        if (isRedirectError(err)) throw err;
        const d = toDomainError(err);
        if (d.code === 'internal_error') logError(`unhandled error in ${family.name} route ${new URL(req.url).pathname}`, err);
        if (guard && db) {
          const failed = AUTH_FAILURES.has(d.code);
          if (failed && !reserved) await countQuietly(db, guard, 1);
          if (!failed && reserved) await countQuietly(db, guard, -1);
        }
        return answer(d);
      }
    };
    const meta: RouteMeta = { family: family.name, doc: auth.doc, spec, bodyLimit: spec.bodyLimit ?? family.bodyLimit };
    return Object.assign(run, { meta });
  };
}

async function countQuietly(db: Db, g: { bucket: string; limit: number; windowMs: number }, delta: number) {
  try {
    await addToBucket(db, g.bucket, delta, g.limit, g.windowMs);
  } catch (err) {
    // The answer to the client stands; a counter that could not be written is the operator's to see.
    logError('could not count an authentication failure', err);
  }
}
