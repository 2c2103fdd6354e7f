// Building blocks of the generated bad-input suite (tests/bad-input.test.ts): hostile values, malformed
// bodies and query strings, a raw request sender, and each API family's error shape. The schema-driven
// fast-check cases are in ./bad-input-cases, the database fingerprint in ./db-fingerprint.
import type { z } from 'zod';
import type { Endpoint } from '@/lib/openapi/endpoints';
import type { Js } from './bad-input-cases';
import { checkContract } from './contract';
import { assertNoLeak, type RouteHandler } from './http';

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
  '0',
  '-1',
  '1.5',
  '2147483648',
  '9'.repeat(30),
  'NaN',
  '',
  '１２',
  '%00',
  '\u0000',
  "1' OR '1'='1",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  'A'.repeat(5_000),
  '😀\u202e1',
];

/** Non-canonical spellings of a numeric id: each must name the same thing or nothing. */
export const idSpellings = (id: number): string[] => [
  String(id),
  ` ${id}`,
  `${id}.0`,
  `0${id}`,
  `+${id}`,
  `${id}e0`,
  `0x${id.toString(16)}`,
];

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
const deepObject = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;

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

export function short(v: unknown): string {
  const s = typeof v === 'string' ? v : typeof v === 'number' && !Number.isFinite(v) ? String(v) : (JSON.stringify(v) ?? String(v));
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…(${s.length})` : s);
}

// ---------------------------------------------------------------- query strings

export type QueryPairs = [string, string][];

/** Percent-encodes UTF-8 bytes the way a client would (lone surrogates become U+FFFD, never a throw). */
const enc = (s: string) =>
  [...Buffer.from(s, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
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
  QUERY_HOSTILE.forEach((s, j) => {
    out.push({ label: `query hostile ${hk[j % hk.length]}=${short(s)}`, raw: withPair(hk[j % hk.length], s) });
  });
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
  /** A streamed body with no Content-Length (made per request: a stream is read once). */
  chunked?: () => { stream: ReadableStream<Uint8Array>; pulled: () => number };
}

export interface Answer {
  status: number;
  text: string;
  json: Record<string, unknown> | null;
  contentType: string;
  /** Bytes the server pulled from a chunked body. */
  pulled?: number;
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
  if (r.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
    headers['content-type'] = 'application/json';
  const chunked = r.chunked?.();
  const body = chunked ? chunked.stream : typeof r.body === 'string' || r.body === undefined ? r.body : r.body.slice();
  if (chunked && !headers['content-type']) headers['content-type'] = 'application/json';
  const req = new Request(url, { method: r.method.toUpperCase(), headers, body, duplex: 'half' } as RequestInit);
  const params: Record<string, string> = r.id === undefined ? {} : { id: r.id };
  const res = await handler(req, { params: Promise.resolve(params) });
  const contentType = res.headers.get('content-type') ?? '';
  if (contentType.includes('text/event-stream')) {
    await res.body?.cancel();
    return { status: res.status, text: '', json: null, contentType, pulled: chunked?.pulled() };
  }
  const text = await res.text();
  assertNoLeak(withoutEcho(text));
  if (handler.meta) checkContract(handler.meta, r.id !== undefined, res.status, text, `${r.method} ${r.path}`);
  let json: Record<string, unknown> | null = null;
  if (text) {
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      json = null;
    }
  }
  return { status: res.status, text, json, contentType, pulled: chunked?.pulled() };
}

// ---------------------------------------------------------------- error shapes

export type Family = 'api' | 'clicksend' | 'gateway';

export const familyOf = (e: Endpoint): Family =>
  e.family === 'clicksend' ? 'clicksend' : e.family === 'mobile' || e.family === 'thirdparty' ? 'gateway' : 'api';

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
    if (Object.keys(j).sort().join() !== 'data,http_code,response_code,response_msg')
      return `not the ClickSend envelope: ${a.text.slice(0, 200)}`;
    if (j.http_code !== a.status) return `http_code ${String(j.http_code)} != status ${a.status}`;
    if (!human(j.response_msg)) return 'response_msg is not a human message';
    return null;
  }
  return human(j.message) ? null : `not {message}: ${a.text.slice(0, 200)}`;
}
