// The OpenAPI 3.1 document (SPEC §7): served at /api/openapi.json, generated from the same zod schemas that
// validate the requests, and describing every route file under app/api and app/v3.
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { GET as openapiRoute } from '@/app/api/openapi.json/route';
import { ENDPOINTS } from '@/lib/openapi/registry';
import { call } from './helpers/http';
import { apiPathOf, EXCLUDED, METHODS, ROOT, routeFiles } from './helpers/routes';

type Json = Record<string, unknown>;
type Operation = {
  operationId: string;
  security: unknown[];
  parameters: Json[];
  requestBody?: { required: boolean; content: { 'application/json': { schema: Json } } };
  responses: Record<string, Json>;
};

const jsonSchema = (s: z.ZodType) => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io: 'input' }) as Json;
  return rest;
};

let doc: Json & { paths: Record<string, Record<string, Operation>>; components: Json & { schemas: Json } };
beforeAll(async () => {
  const res = await call(async (req) => openapiRoute(req), 'GET', '/api/openapi.json');
  expect(res.status).toBe(200);
  doc = res.json as typeof doc;
});

test('an OpenAPI 3.1 document with info, the server it was asked on, and both security schemes', () => {
  expect(doc.openapi).toBe('3.1.0');
  expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
  expect(doc.servers).toEqual([{ url: 'http://test' }]);
  expect(doc.components).toMatchObject({
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, basic: { type: 'http', scheme: 'basic' } },
    schemas: { Error: expect.any(Object), ClickSendEnvelope: expect.any(Object) },
  });
});

describe('generated from the registry', () => {
  test('every registered endpoint is in the document, once', () => {
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

  test("each requestBody schema is z.toJSONSchema of the endpoint's zod schema (io: 'input')", () => {
    for (const e of ENDPOINTS) {
      const op = doc.paths[e.path][e.method];
      if (!e.body) {
        expect(op.requestBody, `${e.method} ${e.path}`).toBeUndefined();
        continue;
      }
      expect(op.requestBody?.required).toBe(true);
      expect(op.requestBody?.content['application/json'].schema, `${e.method} ${e.path}`).toEqual(jsonSchema(e.body));
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

  test('security and error responses match the kind of auth', () => {
    for (const e of ENDPOINTS) {
      const op = doc.paths[e.path][e.method];
      const where = `${e.method} ${e.path}`;
      expect(op.security, where).toEqual(
        e.auth === 'none' ? [] : e.auth === 'clicksend' || e.auth === 'gateway' ? [{ basic: [] }] : [{ bearer: [] }],
      );
      expect(Object.keys(op.responses), where).toContain(String(e.status ?? 200));
      expect(op.responses['400'], where).toBeDefined();
      const ref = JSON.stringify(op.responses['400']);
      // Each API family answers errors in its own shape: ClickSend's envelope, the gateway app's {message}, ours.
      const gatewayFamily = e.path.startsWith('/api/mobile/') || e.path.startsWith('/api/3rdparty/');
      expect(ref, where).toContain(
        e.auth === 'clicksend'
          ? '#/components/schemas/ClickSendEnvelope'
          : gatewayFamily
            ? '#/components/schemas/GatewayError'
            : '#/components/schemas/Error',
      );
      for (const code of e.errors ?? []) expect(op.responses[String(code)], `${where} ${code}`).toBeDefined();
    }
    // Spot checks of the reseller side.
    expect(doc.paths['/api/reseller/clients/{id}/transfer-credit'].post.responses).toHaveProperty('402');
    expect(doc.paths['/api/reseller/pricing'].put.responses).toHaveProperty('403');
    expect(doc.paths['/v3/reseller/transfer-credit'].put.security).toEqual([{ basic: [] }]);
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

describe('every route file is documented', () => {
  const files = [...routeFiles('app/api'), ...routeFiles('app/v3')].sort();

  test('the walk finds the route files', () => {
    expect(files).toContain('app/api/reseller/clients/[id]/transfer-credit/route.ts');
    expect(files).toContain('app/v3/reseller/accounts/[id]/route.ts');
    expect(files.length).toBeGreaterThan(30);
  });

  test('each exported GET/POST/PUT/PATCH/DELETE is an operation of the document, and nothing else is', async () => {
    const missing: string[] = [];
    const exported: string[] = [];
    for (const file of files) {
      if (EXCLUDED.includes(file)) continue;
      const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
      const p = apiPathOf(file);
      for (const m of METHODS) {
        if (typeof mod[m] !== 'function') continue;
        exported.push(`${m.toLowerCase()} ${p}`);
        if (!doc.paths[p]?.[m.toLowerCase()]) missing.push(`${m} ${p} (${file})`);
      }
    }
    expect(missing, 'route handlers missing from /api/openapi.json').toEqual([]);
    // And the document names no endpoint that has no handler.
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
    expect(
      documented.filter((k) => !exported.includes(k)),
      'documented endpoints without a route handler',
    ).toEqual([]);
  });
});
