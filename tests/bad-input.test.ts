// The generated bad-input suite (issue 6, item 5): every documented operation of the registry is fed
// malformed JSON, wrong types, missing fields, huge bodies, unicode edge cases, SQL/HTML injection, other
// tenants' ids, bad query strings and bad credentials. Cases come from each endpoint's zod schema (via its
// JSON Schema) and fast-check, with a fixed seed (BAD_INPUT_SEED to change it). Refused cases run as tenant
// A and must answer 4xx in the family's error shape, leak nothing, and change nothing (a fingerprint of
// every table before and after each endpoint's batch). Cases the schema accepts (a hostile but valid name)
// run afterwards as tenant C and must simply never be a 5xx.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { setDbHandle, type DbHandle } from '@/db';
import { packages } from '@/db/schema';
import { ENDPOINTS, type Auth, type Endpoint } from '@/lib/openapi/registry';
import type { Actor } from '@/lib/auth/permissions';
import { inboundSignature } from '@/lib/http/mobile';
import { activatePackage } from '@/lib/services/activation';
import { pullMessages, reportStates } from '@/lib/services/device-queue';
import { queueMessages } from '@/lib/services/messages';
import { createPackage } from '@/lib/services/packages';
import { fileTopupRequest } from '@/lib/services/topups';
import { transferCredit } from '@/lib/services/transfers';
import { createWebhook } from '@/lib/services/webhooks';
import {
  BAD_IDS, HOSTILE_STRINGS, buildBase, deepExtraCases, errorShapeProblem, expectUnchanged, familyOf, fingerprint, hostileCases, idSpellings,
  jsonSchemaOf, loadRouteHandlers, malformedBodies, mutationCases, parseLikeServer, queryCases, queryString, schemaAccepts, send, short,
  type Answer, type Hints, type QueryPairs, type RawRequest,
} from './helpers/bad-input';
import { makeAdmin, makeClient, uid } from './helpers/fixtures';
import { gatewayLogin, registerPhone } from './helpers/gateway';
import type { RouteHandler } from './helpers/http';
import { assertLedgerInvariant } from './helpers/invariants';
import { openPrivateDb } from './helpers/private-db';
import { apiKeyFor, basicAuth } from './helpers/reseller-keys';
import { adminWithToken, resellerWithToken } from './helpers/sessions';

const SEED = Number(process.env.BAD_INPUT_SEED ?? 20_260_501);
const FC_RUNS = 15;
/** Accepted cases per endpoint in the second phase (sign-in runs argon2 per case: fewer). */
const ACCEPTED_CAP = 20;
const LOGIN_CAP = 4;

// GETs that are not read-only: they issue something, so their junk-query cases run in the accepted phase.
const STATEFUL_GETS = new Set(['get /api/mobile/v1/user/code']);
// The app's pull ignores an unknown `order` and uses LIFO (the reference server does the same).
const LENIENT_QUERY = new Set(['get /api/mobile/v1/message', 'get /api/mobile/v1/messages']);
// A device's state reports for messages it did not claim are ignored with 204 (reference server), not 404.
const FOREIGN_IGNORED = new Set(['patch /api/mobile/v1/message', 'patch /api/mobile/v1/messages']);

interface Tenant {
  resellerId: number;
  resellerEmail: string;
  resellerToken: string;
  resellerKey: string;
  resellerKeyId: number;
  clientId: number;
  clientEmail: string;
  clientToken: string;
  clientKeyId: number;
  gatewayLogin: string;
  gatewayPassword: string;
  deviceId: string;
  deviceToken: string;
  /** Targets of the `{id}` routes that revoke or remove: never the credential the requests use. */
  spareResellerKeyId: number;
  spareClientKeyId: number;
  spareDeviceId: string;
  webhookId: number;
  messageId: string;
  topupId: number;
  /** Text only this tenant's data holds: must never appear in another tenant's answers. */
  markers: string[];
}

/** Targets of the admin's `{id}` routes (admins are platform-wide: they have no other tenant). */
interface AdminTargets {
  resellerId: number;
  topupId: number;
  packageId: number;
  adminId: number;
}

let h: DbHandle;
let routes: Map<string, RouteHandler>;
let admin: { actor: Actor; token: string };
let A: Tenant;
let B: Tenant;
let C: Tenant;
let targetsA: AdminTargets;
let targetsC: AdminTargets;
const counts = { refused: 0, readOnly: 0, accepted: 0 };
const coverage = new Map<string, Set<string>>();
/** Answers by category and status class, printed at the end: shows the cases reach validation, not just 401. */
const statuses = new Map<string, number>();
const timing = { build: 0, requests: 0, fingerprint: 0 };
async function timed<T>(k: keyof typeof timing, f: () => T | Promise<T>): Promise<T> {
  const t0 = performance.now();
  try {
    return await f();
  } finally {
    timing[k] += performance.now() - t0;
  }
}

async function makeTenant(label: string, settle: boolean): Promise<Tenant> {
  const db = h.db;
  const r = await resellerWithToken(db, admin.actor, { credit: 1_000_000 });
  const rk = await apiKeyFor(db, r.actor, `bad-input ${label}`);
  const c = await makeClient(db, r.actor);
  await activatePackage(db, r.actor, c.client.id, { package_type: 'business_elite' });
  await transferCredit(db, r.actor, c.client.id, 100_000);
  const ck = await apiKeyFor(db, c.actor, `bad-input ${label}`);
  const creds = await gatewayLogin(db, c.actor);
  const phone = await registerPhone(db, creds, `phone ${label}`);
  const spare = await registerPhone(db, creds, `spare ${label}`);
  const spareRk = await apiKeyFor(db, r.actor, `spare ${label}`);
  const spareCk = await apiKeyFor(db, c.actor, `spare ${label}`);
  const wh = await createWebhook(db, c.actor, { url: 'https://example.com/hook', events: ['message.sent'] });
  const secret = `secret-${label}-${uid()}`;
  const [m] = await queueMessages(db, c.actor, { messages: [{ phones: ['+959111111111'] }], text: secret, source: 'api' });
  // Tenant A's queue is empty, so a device pull answered during the refused phase changes nothing.
  if (settle) {
    await pullMessages(db, phone.device);
    await reportStates(db, phone.device, [{ id: m.id, state: 'Sent', recipients: [{ phoneNumber: '+959111111111', state: 'Sent' }] }]);
  }
  const topup = await fileTopupRequest(db, r.actor, { amount: 5_000, method: 'cash' });
  return {
    resellerId: r.id, resellerEmail: r.reseller.email, resellerToken: r.token, resellerKey: rk.key, resellerKeyId: rk.id,
    clientId: c.client.id, clientEmail: c.client.email, clientToken: ck.key, clientKeyId: ck.id,
    gatewayLogin: creds.login, gatewayPassword: creds.password, deviceId: phone.id, deviceToken: phone.token,
    spareResellerKeyId: spareRk.id, spareClientKeyId: spareCk.id, spareDeviceId: spare.id,
    webhookId: wh.id, messageId: m.id, topupId: topup.id, markers: [r.reseller.email, c.client.email, secret],
  };
}

beforeAll(async () => {
  h = await openPrivateDb();
  setDbHandle(h);
  routes = await loadRouteHandlers();
  admin = await adminWithToken(h.db);
  A = await makeTenant('a', true);
  B = await makeTenant('b', false);
  C = await makeTenant('c', true);
  const pkgs = await h.db.select().from(packages);
  targetsA = { resellerId: A.resellerId, topupId: A.topupId, packageId: pkgs[0].id, adminId: admin.actor.userId };
  const fuzzPkg = await createPackage(h.db, admin.actor, { code: `fuzz_${uid()}`, name: 'Fuzz target', price: 1_000, daily_limit: 10, period_limit: 100, device_limit: 1, period_days: 30, active: true });
  const otherAdmin = await makeAdmin(h.db);
  targetsC = { resellerId: C.resellerId, topupId: C.topupId, packageId: fuzzPkg.id, adminId: otherAdmin.userId };
  console.log(`[bad-input] seed ${SEED} (set BAD_INPUT_SEED to change it); ${ENDPOINTS.length} registered endpoints`);
});

afterAll(async () => {
  console.log(`[bad-input] ${counts.refused} refused cases, ${counts.readOnly} read-only cases, ${counts.accepted} accepted cases; ${coverage.size} endpoints`);
  if (process.env.BAD_INPUT_STATS) {
    console.log([...statuses].sort().map(([k, n]) => `${k}: ${n}`).join('\n'));
    console.log(`time (ms): ${JSON.stringify(Object.fromEntries(Object.entries(timing).map(([k, v]) => [k, Math.round(v)])))}`);
  }
  await h?.close();
});

// ---------------------------------------------------------------- per-endpoint context

const keyOf = (e: Endpoint) => `${e.method} ${e.path}`;
const isSafe = (e: Endpoint) => e.method === 'get' && !STATEFUL_GETS.has(keyOf(e));

type IdKind = 'reseller' | 'topup' | 'package' | 'admin' | 'client' | 'resellerKey' | 'clientKey' | 'message' | 'device' | 'webhook';
const ID_KINDS: [RegExp, IdKind][] = [
  [/^\/api\/admin\/resellers\/\{id\}/, 'reseller'],
  [/^\/api\/admin\/topup-requests\/\{id\}/, 'topup'],
  [/^\/api\/admin\/packages\/\{id\}/, 'package'],
  [/^\/api\/admin\/admins\/\{id\}/, 'admin'],
  [/^\/api\/reseller\/clients\/\{id\}/, 'client'],
  [/^\/v3\/reseller\/accounts\/\{id\}/, 'client'],
  [/^\/api\/reseller\/api-keys\/\{id\}/, 'resellerKey'],
  [/^\/api\/v1\/messages\/\{id\}/, 'message'],
  [/^\/api\/3rdparty\/v1\/messages?\/\{id\}/, 'message'],
  [/^\/api\/v1\/devices\/\{id\}/, 'device'],
  [/^\/api\/mobile\/v1\/inbound\/\{id\}/, 'device'],
  [/^\/api\/v1\/api-keys\/\{id\}/, 'clientKey'],
  [/^\/api\/v1\/webhooks\/\{id\}/, 'webhook'],
];

function idKindOf(e: Endpoint): IdKind {
  const hit = ID_KINDS.find(([re]) => re.test(e.path));
  // A new {id} route must say what its id names, so it gets own, foreign and malformed ids.
  if (!hit) throw new Error(`no id kind for ${keyOf(e)}: add it to ID_KINDS`);
  return hit[1];
}

function ownId(kind: IdKind, t: Tenant, targets: AdminTargets): string {
  const byKind: Record<IdKind, string | number> = {
    reseller: targets.resellerId, topup: targets.topupId, package: targets.packageId, admin: targets.adminId,
    client: t.clientId, resellerKey: t.spareResellerKeyId, clientKey: t.spareClientKeyId, message: t.messageId, device: t.spareDeviceId, webhook: t.webhookId,
  };
  return String(byKind[kind]);
}

/** Ids that exist but are not this tenant's (or are not of this kind): each must be 404/403, never acted on. */
function foreignIds(kind: IdKind): string[] {
  const nums = (ids: number[]) => ids.flatMap((id, i) => (i === 0 ? idSpellings(id) : [String(id)]));
  switch (kind) {
    case 'client': return nums([B.clientId, B.resellerId, A.resellerId, admin.actor.userId]);
    case 'resellerKey': return nums([B.resellerKeyId, A.clientKeyId, B.clientKeyId]);
    case 'clientKey': return nums([B.clientKeyId, A.resellerKeyId, B.resellerKeyId]);
    case 'webhook': return nums([B.webhookId]);
    case 'message': return [B.messageId, ` ${B.messageId}`, B.messageId.toUpperCase(), `${B.messageId}%`];
    case 'device': return [B.deviceId, ` ${B.deviceId}`, B.deviceId.toUpperCase()];
    // The admin is platform-wide; ids that name nothing instead.
    default: return ['2147483647', '999999'];
  }
}

/** Body values that name the tenant's own things (so the base body is really valid for it). */
function hintsFor(e: Endpoint, t: Tenant): Hints {
  // `id` is the device's own id (PATCH /device), a reported message's id (PATCH /message), or a new
  // message's id chosen by the sender (3rd-party API).
  const id = e.path.startsWith('/api/mobile/v1/device') ? t.deviceId : e.path.startsWith('/api/mobile/v1/message') ? t.messageId : `fz${uid()}`;
  return {
    id,
    client_user_id: t.clientId,
    device_id: t.deviceId,
    deviceId: t.deviceId,
    subdomain: `fz${uid()}`,
    code: e.path.includes('/admin/packages') ? `fz_${uid()}` : '123456',
  };
}

/** The same fields pointing at tenant B's things. */
function foreignBodyValue(e: Endpoint, name: string): unknown {
  // The inbound webhook's device is the signed one in the URL; the payload's deviceId is informational.
  if (e.path.startsWith('/api/mobile/v1/inbound/')) return undefined;
  if (name === 'client_user_id') return B.clientId;
  if (name === 'device_id' || name === 'deviceId') return B.deviceId;
  if (name === 'id' && e.path.startsWith('/api/mobile/v1/device')) return B.deviceId;
  if (name === 'id' && e.path.startsWith('/api/mobile/v1/message')) return B.messageId;
  return undefined;
}

function authHeaders(kind: Auth, t: Tenant): Record<string, string> {
  switch (kind) {
    case 'admin': return { authorization: `Bearer ${admin.token}` };
    case 'reseller': return { authorization: `Bearer ${t.resellerToken}` };
    case 'client': return { authorization: `Bearer ${t.clientToken}` };
    case 'clicksend': return { authorization: basicAuth(t.resellerEmail, t.resellerKey) };
    case 'device': return { authorization: `Bearer ${t.deviceToken}` };
    case 'gateway': return { authorization: basicAuth(t.gatewayLogin, t.gatewayPassword) };
    default: return {};
  }
}

/** Credentials that must not get in: none, garbage, another role's, wrong secrets, hostile usernames. */
function badAuth(kind: Auth, t: Tenant): { label: string; headers: Record<string, string> }[] {
  const common: { label: string; headers: Record<string, string> }[] = [
    { label: 'no credentials', headers: {} },
    { label: 'garbage bearer', headers: { authorization: 'Bearer garbage' } },
    { label: 'garbage basic', headers: { authorization: 'Basic Zm9vOmJhcg==' } },
    { label: 'huge bearer', headers: { authorization: `Bearer ${'A'.repeat(10_000)}` } },
    { label: 'basic not base64', headers: { authorization: 'Basic !!!' } },
  ];
  const h = (label: string, authorization: string) => ({ label, headers: { authorization } });
  const basics = (user: string, secret: string) => [
    h('basic wrong secret', basicAuth(user, `${secret}x`)),
    h('basic NUL in username', basicAuth(`${user}\u0000`, secret)),
    h('basic SQL in username', basicAuth("' OR 1=1 --", secret)),
    h('basic 10k username', basicAuth('u'.repeat(10_000), secret)),
    h('basic unicode username', basicAuth('\u202e😀မြန်မာ', secret)),
  ];
  switch (kind) {
    case 'admin': return [...common, h('reseller token', `Bearer ${t.resellerToken}`), h('client key', `Bearer ${t.clientToken}`)];
    case 'reseller': return [...common, h('admin token', `Bearer ${admin.token}`), h('client key', `Bearer ${t.clientToken}`), h('device token', `Bearer ${t.deviceToken}`)];
    case 'client': return [...common, h('reseller token', `Bearer ${t.resellerToken}`), h('device token', `Bearer ${t.deviceToken}`), h('admin token', `Bearer ${admin.token}`)];
    case 'clicksend': return [...common, ...basics(t.resellerEmail, t.resellerKey), h('basic other reseller email', basicAuth(B.resellerEmail, t.resellerKey)),
      h('basic with session token', basicAuth(t.resellerEmail, t.resellerToken)), h('basic with client key', basicAuth(t.clientEmail, t.clientToken)), h('bearer session', `Bearer ${t.resellerToken}`)];
    case 'device': return [...common, h('client key', `Bearer ${t.clientToken}`), h('gateway basic', basicAuth(t.gatewayLogin, t.gatewayPassword)), h('other device id as token', `Bearer ${t.deviceId}`)];
    case 'gateway': return [...common, ...basics(t.gatewayLogin, t.gatewayPassword), h('basic other login', basicAuth(B.gatewayLogin, t.gatewayPassword)),
      h('client key', `Bearer ${t.clientToken}`), h('wrong code', 'Code 000000'), h('code with SQL', "Code '--")];
    default: return [];
  }
}

// ---------------------------------------------------------------- cases

type Category = 'malformed' | 'huge' | 'mutation' | 'hostile' | 'deep' | 'foreign-body' | 'query' | 'id' | 'foreign-id' | 'auth' | 'junk';

interface Case {
  label: string;
  category: Category;
  req: RawRequest;
  /** reject: a 4xx (in `statuses` when given) and nothing changed; any: never a 5xx. */
  expect: 'reject' | 'any';
  statuses?: number[];
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

function buildCases(e: Endpoint, t: Tenant, targets: AdminTargets): Case[] {
  const key = keyOf(e);
  const seed = SEED ^ [...key].reduce((n, ch) => (n * 31 + ch.charCodeAt(0)) | 0, 7);
  const headers = authHeaders(e.auth, t);
  const kind = e.path.includes('{id}') ? idKindOf(e) : undefined;
  const id = kind ? ownId(kind, t, targets) : undefined;
  const qPairs = baseQuery(e, id);
  const q = queryString(qPairs);
  const base = e.body ? buildBase(e.body, hintsFor(e, t)) : undefined;
  if (e.body && base === undefined) throw new Error(`${key}: no valid base body could be built from the schema; add a hint in hintsFor`);
  const baseBody = e.body ? JSON.stringify(base) : undefined;
  const req = (over: Partial<RawRequest>): RawRequest => ({ method: e.method, path: e.path, id, query: q, headers, body: baseBody, ...over });
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
    out.push({ label: 'huge: 1.1 MB body', category: 'huge', req: req({ body: JSON.stringify({ pad: 'x'.repeat(1_100_000) }) }), expect: 'reject', statuses: [413] });
    out.push({ label: 'huge: declared content-length 1 GB', category: 'huge', req: req({ headers: { ...headers, 'content-length': '1000000000' } }), expect: 'reject', statuses: [413] });
    for (const c of mutationCases(root, base, seed, FC_RUNS)) bodyCase('mutation', c.label, c.body);
    for (const c of hostileCases(root, base)) bodyCase('hostile', c.label, c.body);
    for (const c of deepExtraCases(base)) bodyCase('deep', c.label, c.body);
    // Ids of tenant B inside the body.
    const item = Array.isArray(base) ? base[0] : base;
    for (const name of Object.keys(item as object)) {
      const foreign = foreignBodyValue(e, name);
      if (foreign === undefined) continue;
      const value = Array.isArray(base) ? [{ ...(item as object), [name]: foreign }] : { ...(item as object), [name]: foreign };
      out.push({ label: `foreign body ${name}=${short(foreign)}`, category: 'foreign-body', req: req({ body: JSON.stringify(value) }), expect: 'reject', statuses: FOREIGN_IGNORED.has(key) ? undefined : [400, 403, 404] });
    }
  }

  if (e.query) {
    const qRoot = jsonSchemaOf(e.query);
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
      out.push({ label: `bad id ${short(bad)}`, category: 'id', req: req({ id: bad, query }), expect: 'reject', statuses: [400, 401, 403, 404] });
    }
    for (const foreign of foreignIds(kind)) {
      out.push({ label: `foreign id ${short(foreign)}`, category: 'foreign-id', req: req({ id: foreign }), expect: 'reject', statuses: [401, 403, 404] });
    }
  }

  if (e.path.startsWith('/api/mobile/v1/inbound/') && id) {
    for (const [label, sig] of [['no signature', ''], ['wrong signature', 'x'.repeat(32)], ["other device's signature", inboundSignature(B.deviceId)]]) {
      out.push({ label: `auth: ${label}`, category: 'auth', req: req({ query: sig ? queryString([['sig', sig]]) : '' }), expect: 'reject', statuses: [401] });
    }
  }
  for (const b of badAuth(e.auth, t)) {
    out.push({ label: `auth: ${b.label}`, category: 'auth', req: req({ headers: b.headers }), expect: 'reject', statuses: [401, 403] });
  }
  if (e.auth === 'none' && !e.body && !kind) {
    for (const b of badAuth('gateway', t).slice(0, 4)) out.push({ label: `junk auth: ${b.label}`, category: 'junk', req: req({ headers: b.headers }), expect: 'any' });
  }
  return out;
}

// ---------------------------------------------------------------- running and checking

function checkAnswer(e: Endpoint, c: Case, a: Answer): string | null {
  const where = `[${c.category}] ${c.label} → ${a.status}`;
  if (a.status >= 500) return `${where}: server error ${a.text.slice(0, 200)}`;
  if (c.expect === 'reject') {
    const ok = c.statuses ? c.statuses.includes(a.status) : a.status >= 400 && a.status < 500;
    const ignored = c.category === 'foreign-body' && FOREIGN_IGNORED.has(keyOf(e)) && a.status < 300;
    if (!ok && !ignored) return `${where}: expected ${c.statuses?.join('/') ?? '4xx'} ${a.text.slice(0, 200)}`;
  }
  if (a.status >= 400) {
    const problem = errorShapeProblem(familyOf(e), a);
    if (problem) return `${where}: ${problem}`;
  }
  // Tenant A's (and C's) answers never show tenant B's data (the admin sees every tenant).
  if (e.auth !== 'admin') for (const m of B.markers) if (a.text.includes(m)) return `${where}: answer shows tenant B's ${m}`;
  return null;
}

function note(e: Endpoint, c: Case) {
  const k = keyOf(e);
  if (!coverage.has(k)) coverage.set(k, new Set());
  coverage.get(k)?.add(c.category);
}

async function runCases(e: Endpoint, cases: Case[]): Promise<string[]> {
  const handler = routes.get(keyOf(e));
  if (!handler) return [`no route handler for ${keyOf(e)}`];
  const problems: string[] = [];
  for (const c of cases) {
    let a: Answer;
    try {
      a = await timed('requests', () => send(handler, c.req));
    } catch (err) {
      problems.push(`[${c.category}] ${c.label}: ${(err as Error).message.slice(0, 300)}`);
      continue;
    }
    note(e, c);
    const bucket = `${c.expect === 'reject' ? 'refused' : 'other'} ${c.category} ${a.status}`;
    statuses.set(bucket, (statuses.get(bucket) ?? 0) + 1);
    const p = checkAnswer(e, c, a);
    if (p) problems.push(p);
  }
  return problems;
}

const report = (e: Endpoint, problems: string[]) =>
  expect(problems.slice(0, 15), `${keyOf(e)} (seed ${SEED}): ${problems.length} bad answers`).toEqual([]);

describe('refused input changes nothing (tenant A)', () => {
  for (const e of ENDPOINTS) {
    test(`${e.method.toUpperCase()} ${e.path}`, async () => {
      const cases = await timed('build', () => buildCases(e, A, targetsA));
      const run = cases.filter((c) => c.expect === 'reject' || isSafe(e));
      const before = await timed('fingerprint', () => fingerprint(h.db));
      const problems = await runCases(e, run);
      counts.refused += run.filter((c) => c.expect === 'reject').length;
      counts.readOnly += run.filter((c) => c.expect === 'any').length;
      report(e, problems);
      await timed('fingerprint', () => expectUnchanged(h.db, before, keyOf(e)));
    });
  }
});

// Accepted input: tenant C's own ids, so real rows are updated. Admin endpoints go last (they may suspend
// tenant C's reseller or change settings), and new gateway credentials end tenant C's gateway login.
const LAST = ['post /api/v1/gateway/credentials', 'patch /api/admin/settings'];
const acceptedOrder = [...ENDPOINTS].filter((e) => !isSafe(e)).sort((x, y) => {
  const rank = (e: Endpoint) => (LAST.includes(keyOf(e)) ? 2 + LAST.indexOf(keyOf(e)) : e.auth === 'admin' ? 1 : 0);
  return rank(x) - rank(y);
});

describe('accepted input is never a server error (tenant C)', () => {
  // First, while tenant C is untouched by the fuzzing below.
  test('hostile but valid text is stored verbatim and returned as JSON data', async () => {
    const create = routes.get('post /api/reseller/clients');
    const view = routes.get('get /api/reseller/clients/{id}');
    const sms = routes.get('post /api/v1/sms/send');
    const message = routes.get('get /api/v1/messages/{id}');
    if (!create || !view || !sms || !message) throw new Error('route missing');
    const names = ['<script>alert(1)</script>', "' OR 1=1 --", '"; drop table users; --', 'မင်္ဂလာပါ', '😀👍🏽👨‍👩‍👧', '\u202eabc', 'e\u0301\u0301', '../../etc/passwd'];
    const reseller = { authorization: `Bearer ${C.resellerToken}` };
    for (const name of names) {
      const made = await send(create, { method: 'post', path: '/api/reseller/clients', headers: reseller, body: JSON.stringify({ name, email: `v-${uid()}@example.com`, password: 'secret-123' }) });
      expect(made.status, made.text).toBe(201);
      const got = await send(view, { method: 'get', path: '/api/reseller/clients/{id}', id: String(made.json?.id), headers: reseller });
      expect(got.contentType).toContain('application/json');
      expect(got.json?.name).toBe(name);
    }
    const client = { authorization: `Bearer ${C.clientToken}` };
    const text = '<script>alert(1)</script> \' OR 1=1 -- မြန်မာ 😀';
    const sent = await send(sms, { method: 'post', path: '/api/v1/sms/send', headers: client, body: JSON.stringify({ phone: '+959123456789', message: text }) });
    expect(sent.status, sent.text).toBe(202);
    const id = String((sent.json?.data as { id: string }[])[0].id);
    const got = await send(message, { method: 'get', path: '/api/v1/messages/{id}', id, headers: client });
    expect(got.json?.message).toBe(text);
  });

  for (const e of acceptedOrder) {
    test(`${e.method.toUpperCase()} ${e.path}`, async () => {
      const cap = e.path.endsWith('/auth/login') ? LOGIN_CAP : ACCEPTED_CAP;
      const cases = (await timed('build', () => buildCases(e, C, targetsC))).filter((c) => c.expect === 'any').slice(0, cap);
      counts.accepted += cases.length;
      report(e, await runCases(e, cases));
    });
  }
});

describe('coverage', () => {
  test('every documented operation has a handler, and every handler is documented', () => {
    const documented = ENDPOINTS.map(keyOf).sort();
    expect([...routes.keys()].sort()).toEqual(documented);
  });

  test('every documented operation got cases of every kind that applies to it', async () => {
    await assertLedgerInvariant(h.db);
    const missing: string[] = [];
    for (const e of ENDPOINTS) {
      const got = coverage.get(keyOf(e)) ?? new Set<string>();
      const want: Category[] = [];
      if (e.body) want.push('malformed', 'huge', 'mutation', 'hostile');
      if (e.query) want.push('query');
      if (e.path.includes('{id}')) want.push('id', 'foreign-id');
      if (e.auth !== 'none' || e.path.includes('/inbound/')) want.push('auth');
      if (!want.length) want.push('junk');
      for (const w of want) if (!got.has(w)) missing.push(`${keyOf(e)}: ${w}`);
    }
    expect(missing).toEqual([]);
  });
});
