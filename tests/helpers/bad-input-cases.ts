// The generated half of the bad-input suite: a valid base value built from an endpoint's zod schema (via
// its JSON Schema); the fast-check mutations of it are in ./bad-input-mutations. Hostile values, the
// request sender and the error shapes are in ./bad-input.
import { z } from 'zod';

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
