// The contracts of the request pipeline: what an authenticator resolves, what a formatter answers, and
// what a route declares about itself (read by the OpenAPI document and the test suites).
import type { z } from 'zod';
import type { Db } from '@/db';
import type { Actor } from '@/lib/auth/permissions';
import type { DomainError } from '@/lib/errors';

/** How a credential is documented (OpenAPI security) and which credentials the bad-input suite sends. */
export type DocAuth = 'none' | 'admin' | 'reseller' | 'client' | 'clicksend' | 'device' | 'gateway' | 'session';

export type FamilyName = 'api' | 'clicksend' | 'mobile' | 'thirdparty' | 'portal' | 'raw';

/** Who is asking, as an authenticator resolved it; the route's handler context includes these fields. */
export interface Principal {
  /** The acting account, when the credential names one. */
  actor: Actor | null;
  /** The credential's own rate limit (requests per minute), or null when it has none. */
  /** `counted`: this request's count in the bucket, when the authenticator's own statement counted it. */
  limit: { bucket: string; perMinute: number; counted?: number } | null;
}

export interface Guard {
  /** Bucket prefix; the client's address is appended. */
  bucket: string;
  /** Failed attempts allowed per address and window. */
  limit: number;
  windowMs: number;
  /** Count every attempt up front and give back the ones that were not wrong guesses (pairing codes). */
  strict?: boolean;
}

export interface Authenticator<P extends Principal> {
  doc: DocAuth;
  /** Resolves the caller or throws a DomainError (401 unauthorized, 403 account_suspended, …). */
  authenticate(req: Request, ctx: { db: Db; ip: string | null; params: Record<string, string> }): Promise<P>;
  /**
   * Failed attempts allowed per client address before this credential is refused unchecked (429).
   * Default for authenticated routes: API_RATE_LIMIT a minute; null: none.
   */
  guard?: (req: Request) => Guard | null;
}

export interface Formatter<R> {
  /** A handler's result → the answer (a Response from the handler passes through). */
  ok(result: R, status: number): Response;
  /** An error → its status and body in the family's shape. */
  error(err: DomainError): { status: number; body: unknown };
}

export interface RouteSpec<A extends string = string, BS = z.ZodType | undefined, QS = z.ZodType | undefined> {
  summary: string;
  auth: A;
  body?: BS;
  query?: QS;
  /** The `:id` parameter is a text id (messages, devices), not a number. */
  id?: 'number' | 'text';
  /** Status of a successful answer (201 for creates). */
  status?: number;
  /** Schema of the successful answer's JSON body; null when it has none (204, streams, files). */
  response: z.ZodType | null;
  /** What a non-JSON answer is (for the document): e.g. text/csv, text/event-stream, image/*. */
  contentType?: string;
  /** Error statuses worth naming beyond those every route of the family can answer. */
  errors?: number[];
  /** Money-moving or message-creating POST: honours the Idempotency-Key header. */
  idempotent?: boolean;
  /** The handler reads the raw body (ctx.text) itself; it is still size-capped. */
  rawBody?: boolean;
  /** With rawBody: the media type of the documented request body (e.g. text/csv). */
  requestType?: string;
  bodyLimit?: number;
  /** Headers of the successful answer worth documenting (name → description). */
  headers?: Record<string, string>;
  /** Not part of the documented API (browser downloads, Auth.js's own endpoints, the document itself). */
  hidden?: boolean;
}

export interface RouteMeta {
  family: FamilyName;
  doc: DocAuth;
  spec: RouteSpec;
  /** Largest body the route reads, in bytes. */
  bodyLimit: number;
}
