// The fast-check mutations of an endpoint's valid base value (./bad-input-cases): wrong types, missing
// fields, hostile strings in every string, extra nesting.
import fc from 'fast-check';
import { HOSTILE_STRINGS, short } from './bad-input';
import type { Js } from './bad-input-cases';

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
