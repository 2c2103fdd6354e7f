// The OpenAPI 3.1 document served at /api/openapi.json, built from the route modules' own contracts
// (lib/openapi/endpoints.ts): request and response schemas are the zod schemas the routes run.
import { z } from 'zod';
import type { DocAuth, FamilyName } from '@/lib/http/pipeline/types';
import type { Endpoint } from './endpoints';

type Json = Record<string, unknown>;

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No content',
  400: 'Bad input (validation_failed with per-field details, or invalid_json)',
  401: 'Missing or invalid credentials',
  402: 'Insufficient credit (details.balance, details.required)',
  403: 'Account suspended, subscription expired, or not allowed',
  404: "Not found (or another tenant's)",
  409: 'Conflict',
  413: 'Request body too large',
  429: 'Rate limited (Retry-After says when to try again), or a package limit reached',
  500: 'Something went wrong on our side (no internals)',
  503: 'Unavailable',
};

export function schemaOf(s: z.ZodType, io: 'input' | 'output' = 'input'): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Json;
  return rest;
}

const SECURITY: Record<DocAuth, Json[]> = {
  none: [],
  admin: [{ bearer: [] }],
  reseller: [{ bearer: [] }],
  client: [{ bearer: [] }],
  clicksend: [{ basic: [] }],
  device: [{ bearer: [] }],
  gateway: [{ basic: [] }],
  session: [{ session: [] }],
};

export const ERROR_SCHEMA: Record<FamilyName, string> = {
  api: '#/components/schemas/Error',
  portal: '#/components/schemas/Error',
  raw: '#/components/schemas/Error',
  clicksend: '#/components/schemas/ClickSendEnvelope',
  mobile: '#/components/schemas/GatewayError',
  thirdparty: '#/components/schemas/GatewayError',
};

/** The error statuses an operation can answer: what every route of its kind can, and what it names. */
export function errorStatuses(e: Pick<Endpoint, 'auth' | 'body' | 'errors' | 'spec'>, hasParams: boolean): number[] {
  // 500: something failed on our side (the family's error shape, no internals).
  const out = new Set<number>([400, 429, 500]);
  if (e.auth !== 'none' || e.spec.auth === 'inbound') out.add(401);
  if (e.auth !== 'none') out.add(403);
  if (e.auth !== 'none' || hasParams) out.add(404);
  if (e.body || e.spec.rawBody) out.add(413);
  // A retry while the first request with the key runs (409), or the key with another body (422).
  if (e.spec.idempotent) out.add(409).add(422);
  for (const s of e.errors ?? []) out.add(s);
  return [...out].sort((a, b) => a - b);
}

/** Query parameters from an object schema's JSON Schema properties; path parameters from the path. */
function parameters(e: Endpoint): Json[] {
  const params: Json[] = [];
  for (const m of e.path.matchAll(/\{(\w+)\}/g))
    params.push({ name: m[1], in: 'path', required: true, schema: { type: e.textId ? 'string' : 'integer' } });
  if (e.query) {
    const js = schemaOf(e.query) as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, schema] of Object.entries(js.properties ?? {})) {
      params.push({ name, in: 'query', required: !!(js.required?.includes(name) && !('default' in schema)), schema });
    }
  }
  return params;
}

function success(e: Endpoint): Json {
  const status = e.status ?? 200;
  const out: Json = { description: STATUS_TEXT[status] ?? 'OK' };
  if (e.response) {
    const body = schemaOf(e.response, 'output');
    const schema =
      e.family === 'clicksend'
        ? { allOf: [{ $ref: '#/components/schemas/ClickSendEnvelope' }, { type: 'object', properties: { data: body } }] }
        : body;
    out.content = { 'application/json': { schema } };
  } else if (e.spec.contentType) {
    out.content = { [e.spec.contentType]: {} };
  }
  if (e.spec.headers)
    out.headers = Object.fromEntries(Object.entries(e.spec.headers).map(([k, d]) => [k, { description: d, schema: { type: 'string' } }]));
  return { [status]: out };
}

export function operationOf(e: Endpoint): Json {
  const responses: Json = success(e);
  for (const code of errorStatuses(e, e.path.includes('{'))) {
    responses[code] = {
      description: STATUS_TEXT[code] ?? 'Error',
      content: { 'application/json': { schema: { $ref: ERROR_SCHEMA[e.family] } } },
    };
  }
  const op: Json = {
    tags: [e.tag],
    summary: e.summary,
    operationId: `${e.method}${e.path.replace(/[{}]/g, '').replace(/[^a-zA-Z0-9]+(.)/g, (_, c: string) => c.toUpperCase())}`,
    security: SECURITY[e.auth],
    parameters: parameters(e),
    responses,
  };
  if (e.body) op.requestBody = { required: true, content: { 'application/json': { schema: schemaOf(e.body) } } };
  else if (e.spec.rawBody && e.spec.requestType)
    op.requestBody = { required: true, content: { [e.spec.requestType]: { schema: { type: 'string' } } } };
  if (e.spec.idempotent) op['x-idempotent'] = true;
  return op;
}

export async function openApiDocument(serverUrl?: string): Promise<Json> {
  // Loaded here, not at the top: the route modules include the route that serves this document.
  const { endpoints } = await import('./endpoints');
  const list = endpoints();
  const paths: Record<string, Json> = {};
  for (const e of list) (paths[e.path] ??= {})[e.method] = operationOf(e);
  return {
    openapi: '3.1.0',
    info: {
      title: 'SMS Reseller Platform API',
      version: '1.0.0',
      description:
        'Admin, reseller, client, ClickSend-compatible and Android gateway APIs. JSON is snake_case (the gateway protocols use the app’s camelCase); lists take page and limit (≤ 100) and answer {data, pagination}.',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    tags: [...new Set(list.map((e) => e.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'A login token (24 h), an API key from the portal, or a device token.' },
        basic: {
          type: 'http',
          scheme: 'basic',
          description: 'ClickSend API: your account email and an API key. Gateway: the gateway login and password.',
        },
        session: { type: 'apiKey', in: 'cookie', name: 'authjs.session-token', description: 'A signed-in browser session.' },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message', 'details'],
              properties: { code: { type: 'string' }, message: { type: 'string' }, details: { type: 'object' } },
            },
          },
        },
        GatewayError: { type: 'object', required: ['message'], properties: { message: { type: 'string' }, code: { type: 'string' } } },
        ClickSendEnvelope: {
          type: 'object',
          required: ['http_code', 'response_code', 'response_msg', 'data'],
          properties: { http_code: { type: 'integer' }, response_code: { type: 'string' }, response_msg: { type: 'string' }, data: {} },
        },
      },
    },
  };
}
