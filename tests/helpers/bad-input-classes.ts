// The bad-input classes a hostile review found reaching a 500 or eating memory (issue 11): broken
// percent-encoding, dates and numbers out of the database's range, JSON nested 20,000 deep, and chunked
// bodies over the limit with no Content-Length. Used by ./bad-input-build.

import { type QueryPairs, queryString, short } from './bad-input';
import type { Js } from './bad-input-cases';

/**
 * Path parameters as scripts/serve.mjs hands them on when their percent-encoding is broken (the literal
 * text), and well-formed escapes of odd bytes.
 */
export const PERCENT_IDS = ['%ZZ', '%', '%E0%A4%A', '%FF%FE', '%C0%AF', '%2e%2e%2f', 'a%00b'];

/** Raw query strings with broken or odd percent-encoding, for each documented query key. */
export function percentQueries(keys: string[], base: QueryPairs): { label: string; raw: string }[] {
  const prefix = base.length ? `${queryString(base)}&` : '';
  const out = (keys.length ? keys : ['q']).flatMap((k) =>
    ['%ZZ', '%FF%FE', '%E0%A4%A', '%'].map((v) => ({ label: `percent query ${k}=${v}`, raw: `${prefix}${k}=${v}` })),
  );
  out.push({ label: 'percent query key %ZZ', raw: `${prefix}%ZZ=1` });
  return out;
}

export const OUT_OF_RANGE_DATES = [
  '0000-01-01',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999-23:59',
  '+275760-09-13T00:00:00.000Z',
  '-000001-01-01T00:00:00Z',
  '1899-12-31',
  '0000-01',
];
export const OUT_OF_RANGE_NUMBERS = [10_000_000_000_000, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 1e308, -1e308];

const DATE_NAME = /(^|_)(from|to|at|until|month|date)$|At$|Until$|^ttl$/;

const isDate = (name: string, js: Js): boolean =>
  js.format === 'date-time' || js.format === 'date' || Boolean(js.anyOf?.some((a) => isDate(name, a))) || DATE_NAME.test(name);
const isNumber = (js: Js): boolean => {
  const t = Array.isArray(js.type) ? js.type : [js.type];
  return t.includes('integer') || t.includes('number') || Boolean(js.anyOf?.some(isNumber));
};

/** Each date-like or numeric property of an object schema, with the out-of-range values it should refuse. */
export function rangeTargets(root: Js | undefined): { key: string; values: unknown[] }[] {
  const obj = root?.type === 'array' ? root.items : root;
  return Object.entries(obj?.properties ?? {}).flatMap(([key, js]) => {
    const values: unknown[] = [];
    if (isDate(key, js)) values.push(...OUT_OF_RANGE_DATES);
    if (isNumber(js)) values.push(...OUT_OF_RANGE_NUMBERS);
    return values.length ? [{ key, values }] : [];
  });
}

/** Bodies with one property set to an out-of-range date or number. */
export function rangeBodies(root: Js, base: unknown): { label: string; body: string }[] {
  return rangeTargets(root).flatMap(({ key, values }) =>
    values.map((v) => {
      const item = { ...((Array.isArray(base) ? base[0] : base) as object), [key]: v };
      return { label: `range ${key}=${short(v)}`, body: JSON.stringify(Array.isArray(base) ? [item] : item) };
    }),
  );
}

/** Query strings with one parameter set to an out-of-range date or number. */
export function rangeQueries(root: Js | undefined, base: QueryPairs): { label: string; raw: string }[] {
  return rangeTargets(root).flatMap(({ key, values }) =>
    values.map((v) => ({
      label: `range query ${key}=${short(v)}`,
      raw: queryString([...base.filter(([k]) => k !== key), [key, typeof v === 'number' ? BigInt(Math.trunc(v)).toString() : String(v)]]),
    })),
  );
}

/** Bodies with each property (and the body itself inside an array) replaced by JSON `depth` levels deep. */
export function nestingBodies(root: Js, base: unknown, depth = 20_000): { label: string; body: string }[] {
  const deep = `${'['.repeat(depth)}1${']'.repeat(depth)}`;
  const obj = root.type === 'array' ? root.items : root;
  const keys = Object.keys(obj?.properties ?? {});
  const out = keys.map((key) => {
    const item = { ...((Array.isArray(base) ? base[0] : base) as object), [key]: '\u0001DEEP\u0001' };
    const text = JSON.stringify(Array.isArray(base) ? [item] : item).replace('"\\u0001DEEP\\u0001"', deep);
    return { label: `nesting ${key} ${depth} levels`, body: text };
  });
  out.push({ label: `nesting whole body ${depth} levels`, body: deep });
  return out;
}

/** A body stream with no Content-Length that offers `limit` bytes and more, counting what was pulled. */
export function chunkedBody(limit: number, chunk = 64 * 1024): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  const bytes = new Uint8Array(chunk).fill(0x20);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled > limit + 4 * 1024 * 1024) return controller.close();
      pulled += chunk;
      controller.enqueue(bytes);
    },
  });
  return { stream, pulled: () => pulled };
}
