import { z } from 'zod';
import { type Auth, ENDPOINTS, type Endpoint } from './registry';

type Json = Record<string, unknown>;

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  400: 'Bad input (validation_failed, with details.fields)',
  401: 'Missing or invalid credentials',
  402: 'Insufficient credit (details.balance, details.required)',
  403: 'Account suspended or not allowed',
  404: "Not found (or another tenant's)",
  409: 'Conflict',
  429: 'Rate limited',
};

function schemaOf(s: z.ZodType): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Json;
  return rest;
}

/** Query parameters from an object schema's JSON Schema properties. */
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

const SECURITY: Record<Auth, Json[] | undefined> = {
  none: [],
  admin: [{ bearer: [] }],
  reseller: [{ bearer: [] }],
  client: [{ bearer: [] }],
  clicksend: [{ basic: [] }],
  device: [{ bearer: [] }],
  gateway: [{ basic: [] }],
};

export function openApiDocument(serverUrl?: string): Json {
  const paths: Record<string, Json> = {};
  for (const e of ENDPOINTS) {
    const ok = e.status ?? 200;
    const responses: Json = { [ok]: { description: STATUS_TEXT[ok] ?? 'OK' } };
    for (const code of [400, ...(e.auth === 'none' ? [401] : [401, 404]), ...(e.errors ?? [])]) {
      responses[code] = {
        description: STATUS_TEXT[code] ?? 'Error',
        content: {
          'application/json': {
            schema: {
              $ref:
                e.auth === 'clicksend'
                  ? '#/components/schemas/ClickSendEnvelope'
                  : e.tag.startsWith('Device') || e.tag.startsWith('3rd')
                    ? '#/components/schemas/GatewayError'
                    : '#/components/schemas/Error',
            },
          },
        },
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
    (paths[e.path] ??= {})[e.method] = op;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'SMS Reseller Platform API',
      version: '1.0.0',
      description:
        'Admin, reseller and ClickSend-compatible APIs. JSON is snake_case; lists take page and limit (≤ 100) and answer {data, pagination}.',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    tags: [...new Set(ENDPOINTS.map((e) => e.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'A login token (24 h) or an API key from the portal.' },
        basic: { type: 'http', scheme: 'basic', description: 'Username: your account email. Password: an API key.' },
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
        GatewayError: { type: 'object', properties: { message: { type: 'string' }, code: { type: 'string' } } },
        ClickSendEnvelope: {
          type: 'object',
          properties: { http_code: { type: 'integer' }, response_code: { type: 'string' }, response_msg: { type: 'string' }, data: {} },
        },
      },
    },
  };
}
