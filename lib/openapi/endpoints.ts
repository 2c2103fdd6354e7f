// Every documented API operation, read from the route modules' own declarations (each route file's
// `api(...)`, `clicksend(...)`, … carries its contract). The OpenAPI document and the test suites walk this.
import type { z } from 'zod';
import type { RouteHandler } from '@/lib/http/pipeline/core';
import type { DocAuth, FamilyName, RouteSpec } from '@/lib/http/pipeline/types';
import { ROUTE_MODULES } from './route-modules';

export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type Method = Lowercase<(typeof METHODS)[number]>;
export type Auth = DocAuth;

export interface Endpoint {
  method: Method;
  /** The URL path with {param} placeholders, e.g. /api/reseller/clients/{id}. */
  path: string;
  family: FamilyName;
  auth: DocAuth;
  tag: string;
  summary: string;
  body?: z.ZodType;
  query?: z.ZodType;
  response: z.ZodType | null;
  status?: number;
  errors?: number[];
  /** The {id} path parameter is a string id (messages, devices), not an integer. */
  textId?: boolean;
  spec: RouteSpec;
  handler: RouteHandler;
}

export const TAGS = {
  admin: 'Admin API',
  reseller: 'Reseller API',
  client: 'Client API',
  clicksend: 'ClickSend-compatible API',
  mobile: 'Device API (SMS Gateway for Android, private server)',
  thirdparty: '3rd-party API (SMS Gateway for Android clients)',
} as const;

function tagOf(family: FamilyName, path: string): string {
  if (family === 'clicksend' || family === 'mobile' || family === 'thirdparty') return TAGS[family];
  if (path.startsWith('/api/admin/')) return TAGS.admin;
  if (path.startsWith('/api/reseller/')) return TAGS.reseller;
  return TAGS.client;
}

export function isRouteHandler(v: unknown): v is RouteHandler {
  return typeof v === 'function' && 'meta' in v && typeof (v as { meta: unknown }).meta === 'object';
}

/** Every route handler of the app with its URL path, documented or not (a handler without a contract is listed with meta undefined). */
export function allHandlers(): { path: string; method: Method; handler: unknown }[] {
  return ROUTE_MODULES.flatMap(([path, mod]) =>
    METHODS.filter((m) => mod[m] !== undefined).map((m) => ({ path, method: m.toLowerCase() as Method, handler: mod[m] })),
  );
}

/** The documented operations (hidden routes left out), in route-file order. */
export function endpoints(): Endpoint[] {
  return allHandlers().flatMap(({ path, method, handler }) => {
    if (!isRouteHandler(handler) || handler.meta.spec.hidden) return [];
    const { family, doc, spec } = handler.meta;
    return [
      {
        method,
        path,
        family,
        auth: doc,
        tag: tagOf(family, path),
        summary: spec.summary,
        body: spec.body as z.ZodType | undefined,
        query: spec.query as z.ZodType | undefined,
        response: spec.response,
        status: spec.status,
        errors: spec.errors,
        textId: spec.id === 'text',
        spec,
        handler,
      },
    ];
  });
}
