// Building blocks of the generated bad-input suite (tests/bad-input.test.ts): hostile values, malformed
// bodies, valid base bodies derived from an endpoint's zod schema (via its JSON Schema), fast-check
// mutations of them, a raw request sender, each API family's error shape, and a database fingerprint.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { expect } from 'vitest';
import type { Db } from '@/db';
import type { Endpoint } from '@/lib/openapi/registry';
import { assertNoLeak, type RouteHandler } from './http';
import { queryRows } from './invariants';

// ---------------------------------------------------------------- hostile values

export const LONG_10K = 'A'.repeat(10_000);
export const HOSTILE_STRINGS: string[] = [
  "' OR 1=1 --",
  '"; drop table users; --',
  "' UNION SELECT password_hash FROM users --",
  '<script>alert(1)</script>',
  '%00',
  '\u0000',
  'a\u0000b',
  '../../etc/passwd',
  '\ud800',
  'x\udfffy',
  '\u202e\u200fabc\u200e',
  '😀👍🏽👨‍👩‍👧',
  'e\u0301\u0301\u0301\u0301',
  'မင်္ဂလာပါ မြန်မာ',
  '１２３４５６',
  '${7*7}{{7*7}}',
  ' ',
  '\t\r\n',
  LONG_10K,
  '😀'.repeat(5_000),
  '9'.repeat(400),
];

/** Ids and id-like strings for `{id}` path parameters that name nothing. */
export const BAD_IDS: string[] = [
  '0', '-1', '1.5', '2147483648', '9'.repeat(30), 'NaN', '', '１２', '%00', '\u0000', "1' OR '1'='1", '<script>alert(1)</script>',
  '../../etc/passwd', 'A'.repeat(5_000), '😀\u202e1',
];

/** Non-canonical spellings of a numeric id: each must name the same thing or nothing. */
export const idSpellings = (id: number): string[] => [String(id), ` ${id}`, `${id}.0`, `0${id}`, `+${id}`, `${id}e0`, `0x${id.toString(16)}`];

/** Strings PostgreSQL cannot store (NUL) or that are not Unicode (lone surrogates): an API must refuse them. */
export function hasForbiddenText(v: unknown): boolean {
  const bad = (s: string) => s.includes('\u0000') || !s.isWellFormed();
  // Iterative: bodies nest 10k deep.
  const stack: unknown[] = [v];
  while (stack.length) {
    const x = stack.pop();
    if (typeof x === 'string') {
      if (bad(x)) return true;
    } else if (Array.isArray(x)) {
      stack.push(...x);
    } else if (x && typeof x === 'object') {
      for (const [k, y] of Object.entries(x)) {
        if (bad(k)) return true;
        stack.push(y);
      }
    }
  }
  return false;
}

const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
const deepObject = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);

/** Bodies that are not JSON, or JSON that no object schema accepts. */
export function malformedBodies(): { label: string; body: string | Uint8Array }[] {
  return [
    { label: 'empty body', body: '' },
    { label: 'empty object', body: '{}' },
    { label: 'truncated object', body: '{"a":' },
    { label: 'trailing comma', body: '{"a":1,}' },
    { label: 'single quotes', body: "{'a':1}" },
    { label: 'NaN literal', body: '{"a":NaN}' },
    { label: 'empty array', body: '[]' },
    { label: 'null', body: 'null' },
    { label: 'number', body: '42' },
    { label: 'string', body: '"a string"' },
    { label: 'two documents', body: '{}{}' },
    { label: '10k open brackets', body: '['.repeat(10_000) },
    { label: '10k nested arrays', body: deep(10_000) },
    { label: '5k nested objects', body: deepObject(5_000) },
    { label: 'invalid UTF-8 bytes', body: new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]) },
    { label: 'NUL byte outside strings', body: '{"a":1}\u0000' },
  ];
}

/** What a JSON body reader does with the text: '' reads as {} (a bodyless POST), else JSON.parse. */
export function parseLikeServer(text: string): { ok: true; value: unknown } | { ok: false } {
  if (!text.trim()) return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** True when the endpoint's schema accepts the value and it holds no text PostgreSQL cannot store. */
export function schemaAccepts(schema: z.ZodType, value: unknown): boolean {
  if (hasForbiddenText(value)) return false;
  const r = schema.safeParse(value);
  return r.success && !hasForbiddenText(r.data);
}

// ---------------------------------------------------------------- JSON Schema → a valid base value

export interface Js {
  type?: string | string[];
  properties?: Record<string, Js>;
  required?: string[];
  items?: Js;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Js[];
  oneOf?: Js[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  default?: unknown;
}

export const jsonSchemaOf = (s: z.ZodType): Js => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Js;

export type Hints = Record<string, unknown>;

const FUTURE = () => new Date(Date.now() + 3_600_000).toISOString();
const STRING_POOL = [
  'Sample text', 'fuzzbase', 'starter_pro', '+959123456789', '#1d4ed8', '2026-01', 'MMK', 'US', 'Asia/Yangon', '123456',
  'https://example.com/hook', 'fuzz.base@example.com', 'data:image/png;base64,iVBORw0KGgo=', 'sms:received', 'x',
];

function byName(name: string): string[] {
  const n = name.toLowerCase();
  if (n.includes('email')) return ['fuzz.base@example.com'];
  if (n.includes('phone')) return ['+959123456789'];
  if (n.includes('url') || n.includes('website')) return ['https://example.com/hook'];
  if (n.includes('package')) return ['starter_pro'];
  if (n.includes('time_zone')) return ['Asia/Yangon'];
  if (n.includes('password')) return ['fuzz-pass-123'];
  if (n === 'event') return ['sms:received'];
  if (n === 'country') return ['US'];
  if (n === 'currency') return ['MMK'];
  if (n === 'code') return ['123456'];
  if (n === 'state') return ['Sent'];
  return [];
}

function stringCandidates(js: Js, name: string): string[] {
  let pool: string[];
  if (js.format === 'date-time') pool = [FUTURE()];
  else if (js.format === 'date') pool = ['2026-01-15'];
  else if (js.format === 'email') pool = ['fuzz.base@example.com'];
  else if (js.format === 'uri') pool = ['https://example.com/hook'];
  else pool = [...byName(name), ...STRING_POOL];
  const re = js.pattern ? new RegExp(js.pattern) : null;
  const fits = (s: string) => s.length >= (js.minLength ?? 0) && s.length <= (js.maxLength ?? Infinity) && (!re || re.test(s));
  const ok = [...new Set(pool)].filter(fits);
  return ok.length ? ok.slice(0, 6) : ['a'.repeat(Math.max(1, js.minLength ?? 1))];
}

function numberCandidates(js: Js): number[] {
  const lo = js.minimum ?? (js.exclusiveMinimum !== undefined ? js.exclusiveMinimum + 1 : -Infinity);
  const hi = js.maximum ?? Infinity;
  const clamp = (v: number) => Math.min(hi, Math.max(lo, v));
  return [...new Set([clamp(1), clamp(10), clamp(1000), clamp(0)])];
}

const ABSENT = Symbol('absent');

/** Candidate values for a property, the most plausible first. */
function candidates(js: Js, name: string, hints: Hints, climb: (js: Js) => unknown[]): unknown[] {
  const hinted = name in hints ? [hints[name]] : [];
  if (js.const !== undefined) return [...hinted, js.const];
  if (js.enum) return [...hinted, ...js.enum];
  const alts = js.anyOf ?? js.oneOf;
  if (alts) return [...hinted, ...alts.flatMap((a) => candidates(a, name, {}, climb))];
  const t = Array.isArray(js.type) ? js.type[0] : js.type;
  switch (t) {
    case 'string': return [...hinted, ...stringCandidates(js, name)];
    case 'integer':
    case 'number': return [...hinted, ...numberCandidates(js)];
    case 'boolean': return [...hinted, true, false];
    case 'null': return [...hinted, null];
    case 'array': {
      const item = js.items ? candidates(js.items, name.replace(/s$/, ''), hints, climb) : ['x'];
      const n = Math.max(1, js.minItems ?? 1);
      return [...hinted, ...item.slice(0, 3).map((v) => Array.from({ length: n }, () => v))];
    }
    case 'object': return [...hinted, ...climb(js)];
    default: return hinted;
  }
}

/**
 * A value the schema accepts, built from its JSON Schema: required properties first, then every optional
 * one that does not make it worse (fewest zod issues wins; ties keep the property, so more fields get
 * mutated later). Hints name real ids of the tenant (own device, own message). Undefined when no
 * combination of candidates passes — the suite then fails for that endpoint, asking for a hint.
 */
export function buildBase(schema: z.ZodType, hints: Hints): unknown {
  const root = jsonSchemaOf(schema);
  const issues = (v: unknown) => {
    const r = schema.safeParse(v);
    return r.success ? 0 : r.error.issues.length;
  };
  // Nested objects: required-only and all-properties variants.
  const nested = (js: Js): unknown[] => {
    const props = Object.entries(js.properties ?? {});
    const req = new Set(js.required ?? []);
    const pick = (all: boolean) => Object.fromEntries(props.filter(([k]) => all || req.has(k)).map(([k, p]) => [k, candidates(p, k, hints, nested)[0]]).filter(([, v]) => v !== undefined));
    return [pick(true), pick(false)];
  };
  const climbObject = (js: Js, score: (v: Record<string, unknown>) => number): Record<string, unknown> => {
    const props = Object.entries(js.properties ?? {});
    const req = new Set(js.required ?? []);
    let cur: Record<string, unknown> = {};
    for (const [k, p] of props) if (req.has(k)) cur[k] = candidates(p, k, hints, nested)[0] ?? 'x';
    let curScore = score(cur);
    for (let pass = 0; pass < 3; pass++) {
      for (const [k, p] of props) {
        const options: unknown[] = [...candidates(p, k, hints, nested).slice(0, 8), ...(req.has(k) ? [] : [ABSENT])];
        for (const o of options) {
          const next = { ...cur };
          if (o === ABSENT) delete next[k];
          else next[k] = o;
          const s = score(next);
          if (s < curScore || (s === curScore && o !== ABSENT && !(k in cur))) {
            cur = next;
            curScore = s;
          }
        }
      }
      if (curScore === 0) break;
    }
    return cur;
  };
  let base: unknown;
  if (root.type === 'array' && root.items) base = [climbObject(root.items, (v) => issues([v]))];
  else base = climbObject(root, issues);
  return schema.safeParse(base).success ? base : undefined;
}

// ---------------------------------------------------------------- generated cases

export interface BodyCase {
  label: string;
  /** The raw body (JSON text, or bytes). */
  body: string | Uint8Array;
}

/** The property names of the schema's object (or of its array's items). */
export function propertyNames(root: Js): string[] {
  const obj = root.type === 'array' ? root.items : root;
  return Object.keys(obj?.properties ?? {});
}

const WRONG_TYPE: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 20 }),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
  fc.constantFrom<unknown>(-1, 0, 1.5, 1e308, -1e308, 2 ** 53, 2 ** 31, -(2 ** 31) - 1, '', ' ', '1', 'true', 'null', [], {}, [null], { $gt: '' }, 'NaN'),
);

const HOSTILE_ARB: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme-ascii', minLength: 120, maxLength: 600 }),
);

type Mutation =
  | { kind: 'wrong-type' | 'hostile' | 'extra'; key: string; value: unknown }
  | { kind: 'remove'; key: string }
  | { kind: 'any-json' | 'any-object'; value: unknown };

function setOwn(o: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

function applyMutation(base: unknown, m: Mutation): unknown {
  if (!('key' in m)) return m.value;
  const isArray = Array.isArray(base);
  const target = structuredClone(isArray ? (base as unknown[])[0] : base) as Record<string, unknown>;
  if (m.kind === 'remove') delete target[m.key];
  else setOwn(target, m.key, 'value' in m ? m.value : undefined);
  return isArray ? [target] : target;
}

/**
 * fast-check mutations of a valid base: one property set to a wrong type, removed, or given a hostile
 * string; an unknown property added; or a completely arbitrary JSON value / object.
 */
export function mutationCases(root: Js, base: unknown, seed: number, numRuns: number): BodyCase[] {
  const keys = propertyNames(root);
  const key = keys.length ? fc.constantFrom(...keys) : fc.constant('field');
  const arb: fc.Arbitrary<Mutation> = fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('wrong-type' as const), key, value: WRONG_TYPE }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), key }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('hostile' as const), key, value: HOSTILE_ARB }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('extra' as const), key: fc.string({ maxLength: 12 }), value: fc.jsonValue({ maxDepth: 3 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('any-json' as const), value: fc.jsonValue({ maxDepth: 4 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('any-object' as const), value: fc.object({ maxDepth: 3 }) }) },
  );
  return fc.sample(arb, { seed, numRuns }).map((m) => {
    const value = applyMutation(base, m);
    const shown = !('key' in m) ? '' : m.kind === 'remove' ? m.key : `${m.key}=${short(m.value)}`;
    return { label: `fc ${m.kind} ${shown}`, body: JSON.stringify(value) ?? 'null' };
  });
}

/** Every string leaf of a value, as paths. */
function stringPaths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof v === 'string') return [at];
  if (Array.isArray(v)) return v.length ? stringPaths(v[0], [...at, 0]) : [];
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => stringPaths(x, [...at, k]));
  return [];
}

function leafPaths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(v)) return v.length ? leafPaths(v[0], [...at, 0]) : [at];
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => leafPaths(x, [...at, k]));
  return [at];
}

function setPath(v: unknown, p: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(v);
  let o = copy as Record<string | number, unknown>;
  for (const k of p.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
  o[p[p.length - 1]] = value;
  return copy;
}

/**
 * Each hostile string at least once, spread over every string field of the base (nested ones too); the
 * schema's string fields missing from the base are added first.
 */
export function hostileCases(root: Js, base: unknown): BodyCase[] {
  const obj = root.type === 'array' ? root.items : root;
  let full = base;
  for (const [k, p] of Object.entries(obj?.properties ?? {})) {
    const isString = p.type === 'string' || p.anyOf?.some((a) => a.type === 'string');
    const holder = Array.isArray(full) ? full[0] : full;
    if (isString && holder && typeof holder === 'object' && !(k in holder)) full = setPath(full, Array.isArray(full) ? [0, k] : [k], 'x');
  }
  // No text fields at all (e.g. {days}): the hostile strings go into the other fields.
  const paths = stringPaths(full).length ? stringPaths(full) : leafPaths(full);
  if (!paths.length) return [];
  const n = Math.max(HOSTILE_STRINGS.length, paths.length);
  return Array.from({ length: n }, (_, j) => {
    const p = paths[j % paths.length];
    const s = HOSTILE_STRINGS[j % HOSTILE_STRINGS.length];
    const value = setPath(full, p, s);
    return { label: `hostile ${p.join('.')}=${short(s)}`, body: JSON.stringify(value) };
  });
}

/** A deeply nested value in an unknown property of every object in the base (loose schemas keep them). */
export function deepExtraCases(base: unknown, depth = 3_000): BodyCase[] {
  let nest: unknown = 1;
  for (let i = 0; i < depth; i++) nest = [nest];
  const objects: (string | number)[][] = [];
  const walk = (v: unknown, at: (string | number)[]) => {
    if (Array.isArray(v)) {
      if (v.length) walk(v[0], [...at, 0]);
    } else if (v && typeof v === 'object') {
      objects.push(at);
      for (const [k, x] of Object.entries(v)) walk(x, [...at, k]);
    }
  };
  walk(base, []);
  return objects.map((at) => {
    const value = setPath(base, [...at, 'x_deep'], nest);
    return { label: `deep extra at ${at.join('.') || 'root'} (${depth} levels)`, body: JSON.stringify(value) };
  });
}

export function short(v: unknown): string {
  const s = typeof v === 'string' ? v : typeof v === 'number' && !Number.isFinite(v) ? String(v) : JSON.stringify(v) ?? String(v);
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…(${s.length})` : s);
}

// ---------------------------------------------------------------- query strings

export type QueryPairs = [string, string][];

/** Percent-encodes UTF-8 bytes the way a client would (lone surrogates become U+FFFD, never a throw). */
const enc = (s: string) => [...Buffer.from(s, 'utf8')].map((b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
export const queryString = (pairs: QueryPairs) => pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');

const WRONG_QUERY = ['abc', '-1', '1.5', '99999999999999999999', '', '\u0000'];
/** The query's share of the hostile strings: injection, NUL, direction marks, Myanmar, 10k characters. */
const QUERY_HOSTILE = HOSTILE_STRINGS.filter((s) => /OR 1=1|drop table|<script>|%00|\u0000|\.\.\/|\u202e|မ|１/u.test(s) || s === LONG_10K);

export interface QueryCase {
  label: string;
  /** Raw text after `?` (may hold invalid percent escapes). */
  raw: string;
}

/** Wrong types, hostile strings, repeated and bracketed keys, unknown keys, for the documented query parameters. */
export function queryCases(root: Js | undefined, base: Record<string, string>): QueryCase[] {
  const keys = Object.keys(root?.properties ?? {});
  const basePairs = Object.entries(base) as QueryPairs;
  const withPair = (k: string, v: string): string => queryString([...basePairs.filter(([b]) => b !== k), [k, v]]);
  const out: QueryCase[] = [];
  for (const k of keys) for (const v of WRONG_QUERY) out.push({ label: `query ${k}=${short(v)}`, raw: withPair(k, v) });
  const hk = keys.length ? keys : ['q'];
  QUERY_HOSTILE.forEach((s, j) => out.push({ label: `query hostile ${hk[j % hk.length]}=${short(s)}`, raw: withPair(hk[j % hk.length], s) }));
  for (const k of keys) {
    out.push({ label: `query repeated ${k}`, raw: `${queryString(basePairs)}&${enc(k)}=1&${enc(k)}=2` });
    out.push({ label: `query bracket ${k}[]`, raw: `${queryString(basePairs)}&${enc(k)}[]=1&${enc(k)}[0]=2` });
  }
  out.push({ label: 'query page -1, limit huge', raw: 'page=-1&limit=100000000&offset=-5' });
  out.push({ label: 'query page 10^12', raw: 'page=1000000000000&limit=1' });
  out.push({ label: 'query invalid percent escapes', raw: 'search=%ZZ%E0%A4%A&q=%FF%FE' });
  out.push({ label: 'query unknown keys', raw: `${queryString(basePairs)}&__proto__[x]=1&constructor=1&zzz=${enc(LONG_10K)}` });
  return out;
}

// ---------------------------------------------------------------- sending requests

export interface RawRequest {
  method: string;
  /** The path as registered, e.g. /api/reseller/clients/{id}. */
  path: string;
  id?: string;
  query?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

export interface Answer {
  status: number;
  text: string;
  json: Record<string, unknown> | null;
  contentType: string;
}

/** Removes echoed hostile input before the leak check (a stored `UNION SELECT … FROM` is data, not a leak). */
function withoutEcho(text: string): string {
  let t = text;
  for (const s of HOSTILE_STRINGS) {
    const escaped = JSON.stringify(s).slice(1, -1);
    if (escaped.length > 3) t = t.split(escaped).join('');
  }
  return t;
}

/** Calls a route handler the way Next does (decoded `:id` param), reads the answer, checks it for leaks. */
export async function send(handler: RouteHandler, r: RawRequest): Promise<Answer> {
  const shownPath = r.path.replace('{id}', r.id === undefined ? '' : enc(r.id));
  const url = `http://test${shownPath}${r.query ? `?${r.query}` : ''}`;
  const headers: Record<string, string> = { ...r.headers };
  if (r.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
  const body = typeof r.body === 'string' || r.body === undefined ? r.body : r.body.slice();
  const req = new Request(url, { method: r.method.toUpperCase(), headers, body });
  const params: Record<string, string> = r.id === undefined ? {} : { id: r.id };
  const res = await handler(req, { params: Promise.resolve(params) });
  const contentType = res.headers.get('content-type') ?? '';
  if (contentType.includes('text/event-stream')) {
    await res.body?.cancel();
    return { status: res.status, text: '', json: null, contentType };
  }
  const text = await res.text();
  assertNoLeak(withoutEcho(text));
  let json: Record<string, unknown> | null = null;
  if (text) {
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      json = null;
    }
  }
  return { status: res.status, text, json, contentType };
}

// ---------------------------------------------------------------- error shapes

export type Family = 'api' | 'clicksend' | 'gateway';

export const familyOf = (e: Endpoint): Family =>
  e.auth === 'clicksend' ? 'clicksend' : e.path.startsWith('/api/mobile/') || e.path.startsWith('/api/3rdparty/') ? 'gateway' : 'api';

const human = (s: unknown) => typeof s === 'string' && s.trim().length >= 3 && /\p{L}/u.test(s);

/** The family's documented error body, with a message a person can read. Returns a problem or null. */
export function errorShapeProblem(family: Family, a: Answer): string | null {
  const j = a.json;
  if (!j || typeof j !== 'object' || Array.isArray(j)) return `error body is not a JSON object: ${a.text.slice(0, 200)}`;
  if (family === 'api') {
    const e = j.error as { code?: unknown; message?: unknown; details?: unknown } | undefined;
    if (Object.keys(j).join() !== 'error' || !e) return `not {error}: ${a.text.slice(0, 200)}`;
    if (typeof e.code !== 'string' || !e.code) return 'error.code missing';
    if (!human(e.message)) return `error.message is not a human message: ${String(e.message)}`;
    if (!e.details || typeof e.details !== 'object') return 'error.details missing';
    return null;
  }
  if (family === 'clicksend') {
    if (Object.keys(j).sort().join() !== 'data,http_code,response_code,response_msg') return `not the ClickSend envelope: ${a.text.slice(0, 200)}`;
    if (j.http_code !== a.status) return `http_code ${String(j.http_code)} != status ${a.status}`;
    if (!human(j.response_msg)) return 'response_msg is not a human message';
    return null;
  }
  return human(j.message) ? null : `not {message}: ${a.text.slice(0, 200)}`;
}

// ---------------------------------------------------------------- routes

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const EXCLUDED = ['app/api/auth/[...nextauth]/route.ts', 'app/api/openapi.json/route.ts'];

function routeFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((d) => {
    const rel = `${dir}/${d.name}`;
    if (d.isDirectory()) return routeFiles(rel);
    return d.name === 'route.ts' ? [rel] : [];
  });
}

/** Every exported handler of app/api and app/v3, keyed `get /api/reseller/clients/{id}`. */
export async function loadRouteHandlers(): Promise<Map<string, RouteHandler>> {
  const out = new Map<string, RouteHandler>();
  for (const file of [...routeFiles('app/api'), ...routeFiles('app/v3')]) {
    if (EXCLUDED.includes(file)) continue;
    const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    const p = file.replace(/^app/, '').replace(/\/route\.ts$/, '').replace(/\[(\w+)\]/g, '{$1}');
    for (const m of METHODS) if (typeof mod[m] === 'function') out.set(`${m.toLowerCase()} ${p}`, mod[m] as RouteHandler);
  }
  return out;
}

// ---------------------------------------------------------------- database fingerprint

/** Tables that legitimately change on refused requests: counters and replay records. */
const VOLATILE_TABLES = new Set(['rate_limits', 'idempotency_keys']);
/** Columns that legitimately change on any authenticated request. */
const VOLATILE_COLUMNS = ['last_used_at', 'last_seen_at', 'last_login_at'];

/** Row count and a hash of every row (volatile columns aside) of every table in the public schema. */
export async function fingerprint(db: Db): Promise<Record<string, string>> {
  const tables = await queryRows<{ name: string }>(db, sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`);
  const drop = VOLATILE_COLUMNS.map((c) => ` - '${c}'`).join('');
  const parts = tables
    .map((t) => t.name)
    .filter((n) => !VOLATILE_TABLES.has(n) && /^[a-z_]+$/.test(n))
    .map((n) => `select '${n}' as name, count(*)::text || ':' || md5(coalesce(string_agg(x, '|' order by x), '')) as fp from (select (to_jsonb(t)${drop})::text as x from "${n}" t) s`);
  const rows = await queryRows<{ name: string; fp: string }>(db, sql.raw(parts.join(' union all ')));
  return Object.fromEntries(rows.map((r) => [r.name, r.fp]));
}

/** Asserts the database is as it was; names the tables that changed. */
export async function expectUnchanged(db: Db, before: Record<string, string>, where: string): Promise<void> {
  const after = await fingerprint(db);
  const changed = Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]);
  expect(changed, `${where}: tables changed by refused requests`).toEqual([]);
}
