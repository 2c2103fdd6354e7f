// API keys and HTTP Basic credentials for the reseller-side tests (api keys, ClickSend-compatible API).
import { expect } from 'vitest';
import type { Db } from '@/db';
import type { Actor } from '@/lib/auth/permissions';
import { createApiKey } from '@/lib/services/api-keys';
import { type ApiAnswer, type CallOptions, call, type RouteHandler } from './http';

/** A new API key of the actor, made by the service (the api-keys routes have tests of their own). */
export async function apiKeyFor(db: Db, actor: Actor, name = 'test key'): Promise<{ id: number; key: string }> {
  const k = await createApiKey(db, actor, name);
  return { id: k.id, key: k.key };
}

/** `Authorization: Basic base64(username:password)`. */
export const basicAuth = (username: string, password: string) => `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

export interface Envelope {
  http_code: number;
  response_code: string;
  response_msg: string;
  data: unknown;
}

/**
 * Calls a ClickSend-compatible route with the given Authorization header and checks the envelope:
 * exactly its four keys, and the HTTP status equal to http_code (ClickSend's SDK reads only the status).
 */
export async function callClickSend(
  handler: RouteHandler,
  method: string,
  path: string,
  auth: string | null,
  opts: Omit<CallOptions, 'token' | 'headers'> = {},
): Promise<ApiAnswer & { env: Envelope }> {
  const a = await call(handler, method, path, {
    ...opts,
    headers: auth ? { authorization: auth, accept: 'application/json' } : { accept: 'application/json' },
  });
  expect(Object.keys(a.json).sort()).toEqual(['data', 'http_code', 'response_code', 'response_msg']);
  expect(a.json.http_code).toBe(a.status);
  expect(typeof a.json.response_msg).toBe('string');
  return { ...a, env: a.json as unknown as Envelope };
}
