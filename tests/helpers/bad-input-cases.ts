// The generated half of the bad-input suite: a valid base value built from an endpoint's zod schema (via
// its JSON Schema), and fast-check mutations of it (wrong types, missing fields, hostile strings, extra
// nesting). Hostile values, the request sender and the error shapes are in ./bad-input.
import fc from 'fast-check';
import { z } from 'zod';
import { HOSTILE_STRINGS, short } from './bad-input';

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
  'Sample text',
  'fuzzbase',
  'starter_pro',
  '+959123456789',
  '#1d4ed8',
  '2026-01',
  'MMK',
  'US',
  'Asia/Yangon',
  '123456',
  'https://example.com/hook',
  'fuzz.base@example.com',
  'data:image/png;base64,iVBORw0KGgo=',
  'sms:received',
  'x',
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
    case 'string':
      return [...hinted, ...stringCandidates(js, name)];
    case 'integer':
    case 'number':
      return [...hinted, ...numberCandidates(js)];
    case 'boolean':
      return [...hinted, true, false];
    case 'null':
      return [...hinted, null];
    case 'array': {
      const item = js.items ? candidates(js.items, name.replace(/s$/, ''), hints, climb) : ['x'];
      const n = Math.max(1, js.minItems ?? 1);
      return [...hinted, ...item.slice(0, 3).map((v) => Array.from({ length: n }, () => v))];
    }
    case 'object':
      return [...hinted, ...climb(js)];
    default:
      return hinted;
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
    const pick = (all: boolean) =>
      Object.fromEntries(
        props
          .filter(([k]) => all || req.has(k))
          .map(([k, p]) => [k, candidates(p, k, hints, nested)[0]])
          .filter(([, v]) => v !== undefined),
      );
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
  fc.constantFrom<unknown>(
    -1,
    0,
    1.5,
    1e308,
    -1e308,
    2 ** 53,
    2 ** 31,
    -(2 ** 31) - 1,
    '',
    ' ',
    '1',
    'true',
    'null',
    [],
    {},
    [null],
    { $gt: '' },
    'NaN',
  ),
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
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('extra' as const),
        key: fc.string({ maxLength: 12 }),
        value: fc.jsonValue({ maxDepth: 3 }),
      }),
    },
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
