// Calls Next route handlers directly, the way the framework does, and checks every answer for leaks.
import { expect } from 'vitest';
import type { RouteMeta } from '@/lib/http/pipeline/types';
import { checkContract } from './contract';

type RouteContext = { params: Promise<Record<string, string | string[]>> };
export type RouteHandler = ((req: Request, ctx: RouteContext) => Promise<Response>) & { meta?: RouteMeta };

export interface CallOptions {
  token?: string;
  /** A value sent as JSON. */
  body?: unknown;
  /** Sent as is (for malformed bodies). */
  rawBody?: string;
  /** The `:id` route parameter. */
  id?: string | number;
  /** Other route parameters (`[phone]`). */
  params?: Record<string, string>;
  query?: Record<string, string | number>;
  headers?: Record<string, string>;
}

export interface ApiAnswer {
  status: number;
  // JSON of unknown shape: tests read the fields they check.
  json: Record<string, unknown> & { error?: { code: string; message: string; details: Record<string, unknown> } };
  text: string;
}

// Nothing internal may reach a client: stack traces, SQL, file paths, driver messages.
const LEAKS = [
  /stack/i,
  /\bselect\b[\s\S]*\bfrom\b/i,
  /\binsert\s+into\b/i,
  /\bupdate\s+"?\w+"?\s+set\b/i,
  /\bdelete\s+from\b/i,
  /failed query/i,
  /node_modules|\.ts:\d+/,
  /\bat \S+ \(/,
];

export function assertNoLeak(text: string): void {
  for (const re of LEAKS) expect(text, `response leaks ${re}`).not.toMatch(re);
}

export async function call(handler: RouteHandler, method: string, path: string, opts: CallOptions = {}): Promise<ApiAnswer> {
  const url = new URL(`http://test${path}`);
  for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, String(v));
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined = opts.rawBody;
  if (opts.body !== undefined) body = JSON.stringify(opts.body);
  if (body !== undefined) headers['content-type'] = 'application/json';
  const req = new Request(url, { method, headers, body });
  const params: Record<string, string> = { ...opts.params, ...(opts.id === undefined ? {} : { id: String(opts.id) }) };
  const res = await handler(req, { params: Promise.resolve(params) });
  const text = await res.text();
  assertNoLeak(text);
  if (handler.meta) checkContract(handler.meta, opts.id !== undefined, res.status, text, `${method} ${path}`);
  return { status: res.status, json: text ? (JSON.parse(text) as ApiAnswer['json']) : {}, text };
}

/** Asserts an error answer: status, code, and that it has the documented envelope. */
export function expectError(a: ApiAnswer, status: number, code: string): Record<string, unknown> {
  expect({ status: a.status, code: a.json.error?.code }).toEqual({ status, code });
  expect(typeof a.json.error?.message).toBe('string');
  expect(Object.keys(a.json)).toEqual(['error']);
  return a.json.error?.details ?? {};
}

/** The per-field messages of a validation error. */
export function fieldsOf(details: Record<string, unknown>): Record<string, string[]> {
  return (details.fields ?? {}) as Record<string, string[]>;
}
