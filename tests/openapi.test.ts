// The OpenAPI 3.1 document served at /api/openapi.json: built from the route modules' own contracts
// (each route file declares its summary, auth, body/query/response schemas next to its handler), listed by
// scripts/gen-routes.mjs. Real answers are checked against the response schemas by tests/helpers/contract.ts
// in every route test; this file checks the document and that every route goes through the pipeline.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { GET as openapiRoute } from '@/app/api/openapi.json/route';
import { allHandlers, endpoints, isRouteHandler } from '@/lib/openapi/endpoints';
import { ROUTE_MODULES } from '@/lib/openapi/route-modules';
import { checkContract } from './helpers/contract';
import { call } from './helpers/http';
import { ROOT, routeFiles } from './helpers/routes';

type Json = Record<string, unknown>;
type Operation = {
  operationId: string;
  security: unknown[];
  parameters: Json[];
  requestBody?: { required: boolean; content: { 'application/json': { schema: Json } } };
  responses: Record<string, Json & { content?: Record<string, { schema?: Json }> }>;
};

const jsonSchema = (s: z.ZodType, io: 'input' | 'output' = 'input') => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Json;
  return rest;
};

const ENDPOINTS = endpoints();
let doc: Json & { paths: Record<string, Record<string, Operation>>; components: Json & { schemas: Json } };
beforeAll(async () => {
  const res = await call(async (req) => openapiRoute(req), 'GET', '/api/openapi.json');
  expect(res.status).toBe(200);
  doc = res.json as typeof doc;
});

test('an OpenAPI 3.1 document with info, the server it was asked on, and the security schemes', () => {
  expect(doc.openapi).toBe('3.1.0');
  expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
  expect(doc.servers).toEqual([{ url: 'http://test' }]);
  expect(doc.components).toMatchObject({
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, basic: { type: 'http', scheme: 'basic' } },
    schemas: { Error: expect.any(Object), ClickSendEnvelope: expect.any(Object), GatewayError: expect.any(Object) },
  });
});

describe('the route list and the pipeline', () => {
  test('lib/openapi/route-modules.ts lists every app/**/route.ts (run `npm run routes` after adding one)', async () => {
    const { render } = (await import(path.join(ROOT, 'scripts', 'gen-routes.mjs'))) as { render: () => string };
    expect(readFileSync(path.join(ROOT, 'lib', 'openapi', 'route-modules.ts'), 'utf8'), 'npm run routes').toBe(render());
    expect(ROUTE_MODULES.length).toBe(routeFiles('app').length);
    expect(ROUTE_MODULES.map(([p]) => p)).toContain('/api/reseller/clients/{id}/transfer-credit');
  });

  test('every exported GET/POST/PUT/PATCH/DELETE of every route file is a pipeline handler with a contract', () => {
    const raw = allHandlers().filter((h) => !isRouteHandler(h.handler));
    expect(
      raw.map((h) => `${h.method} ${h.path}`),
      'handlers that bypass lib/http/families.ts',
    ).toEqual([]);
    expect(allHandlers().length).toBeGreaterThan(90);
  });

  test('the hidden routes are the browser downloads (CSV, payment images), the portal CSV upload, Auth.js, the logo, the favicon and the document itself', () => {
    const hidden = allHandlers()
      .filter((h) => isRouteHandler(h.handler) && h.handler.meta.spec.hidden)
      .map((h) => `${h.method} ${h.path}`)
      .sort();
    expect(hidden).toEqual([
      'get /admin/audit/export.csv',
      'get /admin/images/{id}',
      'get /admin/resellers/{id}/ledger.csv',
      'get /api/auth/{nextauth}',
      'get /api/openapi.json',
      'get /brand/{subdomain}/logo',
      'get /client/campaigns/{id}/recipients.csv',
      'get /client/contacts/export.csv',
      'get /client/images/{id}',
      'get /client/messages/export.csv',
      'get /favicon.ico',
      'get /reseller/credit/ledger.csv',
      'get /reseller/images/{id}',
      'post /api/auth/{nextauth}',
      'post /api/portal/contacts/import',
    ]);
  });
});

describe('generated from the routes', () => {
  test('every documented endpoint is in the document, once, with a unique operationId', () => {
    const keys = ENDPOINTS.map((e) => `${e.method} ${e.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
    expect(documented.sort()).toEqual([...keys].sort());
    const ids = documented.map((k) => {
      const [m, p] = k.split(' ');
      return doc.paths[p][m].operationId;
    });
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("each requestBody schema is z.toJSONSchema of the route's zod schema (io: 'input')", () => {
    for (const e of ENDPOINTS) {
      const op = doc.paths[e.path][e.method];
      if (!e.body) {
        // A raw body (a CSV upload) is documented by its media type.
        const raw = e.spec.rawBody && e.spec.requestType;
        expect(op.requestBody, `${e.method} ${e.path}`).toEqual(
          raw ? { required: true, content: { [raw]: { schema: { type: 'string' } } } } : undefined,
        );
        continue;
      }
      expect(op.requestBody?.required).toBe(true);
      expect(op.requestBody?.content['application/json'].schema, `${e.method} ${e.path}`).toEqual(jsonSchema(e.body));
    }
  });

  test('every success answer has its schema (output), or says what it is (204, a stream)', () => {
    for (const e of ENDPOINTS) {
      const where = `${e.method} ${e.path}`;
      const ok = doc.paths[e.path][e.method].responses[String(e.status ?? 200)];
      expect(ok, where).toBeDefined();
      if (e.response) {
        const schema = ok.content?.['application/json']?.schema;
        const want = jsonSchema(e.response, 'output');
        if (e.family === 'clicksend') expect(JSON.stringify(schema)).toContain(JSON.stringify(want));
        else expect(schema, where).toEqual(want);
      } else {
        expect(e.status === 204 || e.spec.contentType !== undefined, `${where}: no response schema, no 204, no content type`).toBe(true);
      }
    }
  });

  test('query parameters come from the query schema; path parameters are declared', () => {
    for (const e of ENDPOINTS) {
      const op = doc.paths[e.path][e.method];
      const byName = Object.fromEntries(op.parameters.map((p) => [`${p.in}:${p.name}`, p]));
      for (const m of e.path.matchAll(/\{(\w+)\}/g)) expect(byName[`path:${m[1]}`], `${e.path} ${m[1]}`).toMatchObject({ required: true });
      const props = e.query ? ((jsonSchema(e.query).properties ?? {}) as Record<string, Json>) : {};
      expect(
        op.parameters
          .filter((p) => p.in === 'query')
          .map((p) => p.name)
          .sort(),
        `${e.method} ${e.path}`,
      ).toEqual(Object.keys(props).sort());
      for (const [name, schema] of Object.entries(props)) expect(byName[`query:${name}`].schema).toEqual(schema);
    }
  });

  test('security and error responses follow the family', () => {
    for (const e of ENDPOINTS) {
      const op = doc.paths[e.path][e.method];
      const where = `${e.method} ${e.path}`;
      expect(op.security, where).toEqual(
        e.auth === 'none' ? [] : e.auth === 'clicksend' || e.auth === 'gateway' ? [{ basic: [] }] : [{ bearer: [] }],
      );
      for (const code of ['400', '429']) expect(op.responses[code], `${where} ${code}`).toBeDefined();
      if (e.body) expect(op.responses['413'], `${where} 413`).toBeDefined();
      // Each API family answers errors in its own shape: ClickSend's envelope, the gateway app's {message}, ours.
      const want =
        e.family === 'clicksend'
          ? '#/components/schemas/ClickSendEnvelope'
          : e.family === 'mobile' || e.family === 'thirdparty'
            ? '#/components/schemas/GatewayError'
            : '#/components/schemas/Error';
      expect(JSON.stringify(op.responses['400']), where).toContain(want);
      for (const code of e.errors ?? []) expect(op.responses[String(code)], `${where} ${code}`).toBeDefined();
    }
    expect(doc.paths['/api/reseller/clients/{id}/transfer-credit'].post.responses).toHaveProperty('402');
    expect(doc.paths['/api/reseller/pricing'].put.responses).toHaveProperty('403');
    expect(doc.paths['/v3/reseller/transfer-credit'].put.security).toEqual([{ basic: [] }]);
    expect(doc.paths['/api/v1/sms/send'].post.responses).toHaveProperty('422');
  });

  test('the documented schemas say what the validators accept', () => {
    const create = doc.paths['/v3/reseller/accounts'].post.requestBody?.content['application/json'].schema as { required: string[] };
    expect([...create.required].sort()).toEqual([
      'account_name',
      'country',
      'password',
      'user_email',
      'user_first_name',
      'user_last_name',
      'user_phone',
      'username',
    ]);
    const update = doc.paths['/v3/reseller/accounts/{id}'].put.requestBody?.content['application/json'].schema as { required?: string[] };
    expect(update.required ?? []).toEqual([]);
    const transfer = doc.paths['/api/reseller/clients/{id}/transfer-credit'].post.requestBody?.content['application/json'].schema as {
      properties: Json;
      required: string[];
    };
    expect(transfer.required).toEqual(['amount']);
    expect(transfer.properties.amount).toMatchObject({ type: 'integer' });
    const limit = doc.paths['/v3/reseller/accounts'].get.parameters.find((p) => p.name === 'limit');
    expect(limit).toMatchObject({ in: 'query', required: false, schema: { default: 15 } });
  });
});

describe('the contract check that every route test runs', () => {
  const profile = ENDPOINTS.find((e) => e.method === 'get' && e.path === '/api/v1/profile');
  if (!profile) throw new Error('GET /api/v1/profile missing');
  const meta = profile.handler.meta;

  test('refuses an answer with a field the schema does not name, a missing field, or an undocumented status', () => {
    expect(() => checkContract(meta, false, 200, JSON.stringify({ id: 1 }), 'missing fields')).toThrow(/contract/);
    expect(() => checkContract(meta, false, 201, '{}', 'wrong status')).toThrow(/success status 201/);
    expect(() => checkContract(meta, false, 402, JSON.stringify({ error: { code: 'x', message: 'y', details: {} } }), 'x')).toThrow(
      /not documented/,
    );
    expect(() => checkContract(meta, false, 401, JSON.stringify({ message: 'gateway shape' }), 'x')).toThrow(/shape/);
  });

  test('accepts a documented error in the family shape', () => {
    expect(() =>
      checkContract(meta, false, 401, JSON.stringify({ error: { code: 'unauthorized', message: 'No.', details: {} } }), 'ok'),
    ).not.toThrow();
  });
});
