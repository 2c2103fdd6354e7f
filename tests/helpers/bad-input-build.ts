// The cases of the generated bad-input suite (tests/bad-input.test.ts), per documented operation: built
// from its zod schemas (via JSON Schema), fast-check, the world's tenants and the issue-11 classes.
import { inboundSignature } from '@/lib/http/pipeline/gateway-auth';
import type { Endpoint } from '@/lib/openapi/endpoints';
import {
  BAD_IDS,
  HOSTILE_STRINGS,
  malformedBodies,
  parseLikeServer,
  type QueryPairs,
  queryCases,
  queryString,
  type RawRequest,
  schemaAccepts,
  short,
} from './bad-input';
import { buildBase, jsonSchemaOf } from './bad-input-cases';
import { chunkedBody, nestingBodies, PERCENT_IDS, percentQueries, rangeBodies, rangeQueries } from './bad-input-classes';
import { foreignIds, idKindOf, ownId } from './bad-input-ids';
import { deepExtraCases, hostileCases, mutationCases } from './bad-input-mutations';
import { type AdminTargets, authHeaders, badAuth, foreignBodyValue, hintsFor, type Tenant, type World } from './bad-input-world';

export const FC_RUNS = 15;
// GETs that are not read-only: they issue something, so their junk-query cases run in the accepted phase.
export const STATEFUL_GETS = new Set(['get /api/mobile/v1/user/code']);
// The app's pull ignores an unknown `order` and uses LIFO (the reference server does the same).
const LENIENT_QUERY = new Set(['get /api/mobile/v1/message', 'get /api/mobile/v1/messages']);
// A device's state reports for messages it did not claim are ignored with 204 (reference server), not 404.
export const FOREIGN_IGNORED = new Set(['patch /api/mobile/v1/message', 'patch /api/mobile/v1/messages']);

// ---------------------------------------------------------------- per-endpoint context

export const keyOf = (e: Endpoint) => `${e.method} ${e.path}`;
export const isSafe = (e: Endpoint) => e.method === 'get' && !STATEFUL_GETS.has(keyOf(e));

// ---------------------------------------------------------------- cases

export type Category =
  | 'malformed'
  | 'huge'
  | 'chunked'
  | 'nesting'
  | 'range'
  | 'percent'
  | 'mutation'
  | 'hostile'
  | 'deep'
  | 'foreign-body'
  | 'query'
  | 'id'
  | 'foreign-id'
  | 'auth'
  | 'junk';

export interface Case {
  label: string;
  category: Category;
  req: RawRequest;
  /** reject: a 4xx (in `statuses` when given) and nothing changed; any: never a 5xx. */
  expect: 'reject' | 'any';
  statuses?: number[];
  /** Chunked bodies: how many bytes the server may pull before refusing. */
  maxPulled?: number;
}

/** The query every request of the endpoint carries: required parameters, and the inbound webhook's signature. */
function baseQuery(e: Endpoint, id: string | undefined): QueryPairs {
  const pairs: QueryPairs = [];
  if (e.query) {
    const base = (buildBase(e.query, {}) ?? {}) as Record<string, unknown>;
    const required = new Set(jsonSchemaOf(e.query).required ?? []);
    for (const [k, v] of Object.entries(base)) if (required.has(k)) pairs.push([k, String(v)]);
  }
  if (e.path.startsWith('/api/mobile/v1/inbound/') && id !== undefined) pairs.push(['sig', inboundSignature(id)]);
  return pairs;
}

export function buildCases(e: Endpoint, t: Tenant, targets: AdminTargets, w: World, SEED: number): Case[] {
  const key = keyOf(e);
  const seed = SEED ^ [...key].reduce((n, ch) => (n * 31 + ch.charCodeAt(0)) | 0, 7);
  const headers = authHeaders(e.auth, t, w);
  const kind = e.path.includes('{id}') ? idKindOf(e) : undefined;
  const id = kind ? ownId(kind, t, targets) : undefined;
  const qPairs = baseQuery(e, id);
  const q = queryString(qPairs);
  const base = e.body ? buildBase(e.body, hintsFor(e, t)) : undefined;
  if (e.body && base === undefined) throw new Error(`${key}: no valid base body could be built from the schema; add a hint in hintsFor`);
  const baseBody = e.body ? JSON.stringify(base) : undefined;
  const req = (over: Partial<RawRequest>): RawRequest => ({
    method: e.method,
    path: e.path,
    id,
    query: q,
    headers,
    body: baseBody,
    ...over,
  });
  const out: Case[] = [];
  const bodyCase = (category: Category, label: string, body: string | Uint8Array) => {
    // The oracle reads the body as the server does (Infinity was sent as null, -0 as 0).
    const parsed = parseLikeServer(typeof body === 'string' ? body : new TextDecoder().decode(body));
    const accepted = parsed.ok && e.body !== undefined && schemaAccepts(e.body, parsed.value);
    out.push({ label, category, req: req({ body }), expect: accepted ? 'any' : 'reject' });
  };

  if (e.body && baseBody !== undefined) {
    const root = jsonSchemaOf(e.body);
    for (const m of malformedBodies()) bodyCase('malformed', `malformed: ${m.label}`, m.body);
    // Over the route's own limit (1 MB for most; image uploads take ~2.8 MB of base64).
    const over = Math.max(1_100_000, e.handler.meta.bodyLimit + 100_000);
    out.push({
      label: `huge: ${(over / 1e6).toFixed(1)} MB body`,
      category: 'huge',
      req: req({ body: JSON.stringify({ pad: 'x'.repeat(over) }) }),
      expect: 'reject',
      statuses: [413],
    });
    out.push({
      label: 'huge: declared content-length 1 GB',
      category: 'huge',
      req: req({ headers: { ...headers, 'content-length': '1000000000' } }),
      expect: 'reject',
      statuses: [413],
    });
    const limit = e.handler.meta.bodyLimit;
    out.push({
      label: `chunked: no Content-Length, over ${limit} bytes`,
      category: 'chunked',
      req: req({ body: undefined, chunked: () => chunkedBody(limit) }),
      expect: 'reject',
      statuses: [413],
      maxPulled: limit + 2 * 64 * 1024,
    });
    for (const c of nestingBodies(root, base))
      out.push({ label: c.label, category: 'nesting', req: req({ body: c.body }), expect: 'reject', statuses: [400] });
    for (const c of rangeBodies(root, base)) bodyCase('range', c.label, c.body);
    for (const c of mutationCases(root, base, seed, FC_RUNS)) bodyCase('mutation', c.label, c.body);
    for (const c of hostileCases(root, base)) bodyCase('hostile', c.label, c.body);
    for (const c of deepExtraCases(base)) bodyCase('deep', c.label, c.body);
    // Ids of tenant B inside the body.
    const item = Array.isArray(base) ? base[0] : base;
    for (const name of Object.keys(item as object)) {
      const foreign = foreignBodyValue(e, name, w);
      if (foreign === undefined) continue;
      const value = Array.isArray(base) ? [{ ...(item as object), [name]: foreign }] : { ...(item as object), [name]: foreign };
      out.push({
        label: `foreign body ${name}=${short(foreign)}`,
        category: 'foreign-body',
        req: req({ body: JSON.stringify(value) }),
        expect: 'reject',
        statuses: FOREIGN_IGNORED.has(key) ? undefined : [400, 403, 404],
      });
    }
  }

  if (e.query) {
    const qRoot = jsonSchemaOf(e.query);
    const extra = [
      ...rangeQueries(qRoot, qPairs).map((c) => ({ ...c, category: 'range' as const })),
      ...percentQueries(Object.keys(qRoot.properties ?? {}), qPairs).map((c) => ({ ...c, category: 'percent' as const })),
    ];
    for (const c of extra) {
      const value = Object.fromEntries(new URLSearchParams(c.raw));
      const accepted = LENIENT_QUERY.has(key) || schemaAccepts(e.query, value);
      out.push({ label: c.label, category: c.category, req: req({ query: c.raw }), expect: accepted ? 'any' : 'reject' });
    }
    for (const c of queryCases(qRoot, Object.fromEntries(qPairs))) {
      const value = Object.fromEntries(new URLSearchParams(c.raw));
      const accepted = LENIENT_QUERY.has(key) || schemaAccepts(e.query, value);
      out.push({ label: c.label, category: 'query', req: req({ query: c.raw }), expect: accepted ? 'any' : 'reject' });
    }
  } else {
    for (const raw of ['a=1&a=2', `x=${encodeURIComponent(HOSTILE_STRINGS[0])}`, 'page=-1&limit=1e9']) {
      out.push({ label: `junk query ${raw}`, category: 'junk', req: req({ query: q ? `${q}&${raw}` : raw }), expect: 'any' });
    }
  }

  if (kind) {
    const inbound = e.path.startsWith('/api/mobile/v1/inbound/');
    for (const bad of BAD_IDS) {
      // The inbound webhook: sign the bad id too, so it reaches the lookup behind the signature.
      const query = inbound ? queryString([['sig', inboundSignature(bad)]]) : q;
      out.push({
        label: `bad id ${short(bad)}`,
        category: 'id',
        req: req({ id: bad, query }),
        expect: 'reject',
        statuses: [400, 401, 403, 404],
      });
    }
    for (const bad of PERCENT_IDS) {
      const query = inbound ? queryString([['sig', inboundSignature(bad)]]) : q;
      out.push({
        label: `percent id ${short(bad)}`,
        category: 'percent',
        req: req({ id: bad, query }),
        expect: 'reject',
        statuses: [400, 401, 403, 404],
      });
    }
    for (const foreign of foreignIds(kind, w)) {
      out.push({
        label: `foreign id ${short(foreign)}`,
        category: 'foreign-id',
        req: req({ id: foreign }),
        expect: 'reject',
        statuses: [401, 403, 404],
      });
    }
  }

  if (e.path.startsWith('/api/mobile/v1/inbound/') && id) {
    for (const [label, sig] of [
      ['no signature', ''],
      ['wrong signature', 'x'.repeat(32)],
      ["other device's signature", inboundSignature(w.B.deviceId)],
    ]) {
      out.push({
        label: `auth: ${label}`,
        category: 'auth',
        req: req({ query: sig ? queryString([['sig', sig]]) : '' }),
        expect: 'reject',
        statuses: [401],
      });
    }
  }
  for (const b of badAuth(e.auth, t, w)) {
    out.push({ label: `auth: ${b.label}`, category: 'auth', req: req({ headers: b.headers }), expect: 'reject', statuses: [401, 403] });
  }
  if (e.auth === 'none' && !e.body && !kind) {
    for (const b of badAuth('gateway', t, w).slice(0, 4))
      out.push({ label: `junk auth: ${b.label}`, category: 'junk', req: req({ headers: b.headers }), expect: 'any' });
  }
  return out;
}
