import { ZodError } from 'zod';
import { DomainError, type ErrorCode } from '@/lib/errors';
import { logError } from '@/lib/log';

export interface ErrorBody {
  error: { code: string; message: string; details: Record<string, unknown> };
}

/** Per-field messages keyed by dotted path, as forms and API clients both read them. */
export function zodFieldErrors(err: ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of err.issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : '_';
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/**
 * The dotted path of the first string or key PostgreSQL cannot store as text — one with a NUL character,
 * or a lone UTF-16 surrogate (not Unicode) — else null. Iterative: JSON bodies may nest thousands deep.
 */
export function unstorableTextAt(value: unknown): string | null {
  const stack: [unknown, string][] = [[value, '']];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [v, at] = top;
    if (typeof v === 'string') {
      if (!isStorableText(v)) return at || '_';
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        const path = at ? `${at}.${k}` : k;
        if (!isStorableText(k)) return path;
        stack.push([x, path]);
      }
    }
  }
  return null;
}

export const isStorableText = (s: string): boolean => !s.includes('\u0000') && s.isWellFormed();

/** Refuses input holding text the database cannot store (a 400 naming the field, never a 500 from the driver). */
export function assertStorableText(value: unknown): void {
  const at = unstorableTextAt(value);
  if (at === null) return;
  const message = 'Text may not contain NUL characters or invalid Unicode.';
  throw new DomainError('validation_failed', message, { fields: { [at]: [message] } });
}

const UNIQUE_FIELDS: Record<string, [string, ErrorCode, string]> = {
  users_email_lower_idx: ['email', 'email_taken', 'This email is already registered.'],
  resellers_subdomain_idx: ['subdomain', 'subdomain_taken', 'This subdomain is already taken.'],
  contacts_client_phone_idx: ['phone', 'conflict', 'A contact with this number already exists.'],
  contact_groups_client_name_idx: ['name', 'conflict', 'A group with this name already exists.'],
};

/** Maps anything thrown below a route to a DomainError; unknown errors become a bare 500. */
export function toDomainError(err: unknown): DomainError {
  if (err instanceof DomainError) return err;
  if (err instanceof ZodError) {
    return new DomainError('validation_failed', 'Some fields are not valid.', { fields: zodFieldErrors(err) });
  }
  // A unique index caught a race that the service's own check could not (two creates at once).
  const pg = pgError(err);
  if (pg?.code === '23505') {
    const hit = pg.constraint ? UNIQUE_FIELDS[pg.constraint] : undefined;
    if (hit) return new DomainError(hit[1], hit[2], { fields: { [hit[0]]: [hit[2]] } });
    return new DomainError('conflict', 'This conflicts with an existing record.');
  }
  return new DomainError('internal_error', 'Something went wrong on our side. Please try again.');
}

/** The PostgreSQL error under whatever wrapped it (Drizzle puts the driver's in `cause`): SQLSTATE and constraint. */
export function pgError(err: unknown): { code?: string; constraint?: string } | undefined {
  let e: unknown = err;
  // drizzle wraps driver errors in `cause`
  for (let i = 0; i < 3 && e && typeof e === 'object'; i++) {
    const o = e as { code?: unknown; constraint?: unknown; constraint_name?: unknown; cause?: unknown };
    if (typeof o.code === 'string' && /^[0-9A-Z]{5}$/.test(o.code)) {
      const c = o.constraint ?? o.constraint_name;
      return { code: o.code, constraint: typeof c === 'string' ? c : undefined };
    }
    e = o.cause;
  }
  return undefined;
}

export function errorResponse(err: unknown): Response {
  const d = toDomainError(err);
  if (d.code === 'internal_error') logError('unhandled error in API route', err);
  const body: ErrorBody = { error: { code: d.code, message: d.message, details: d.details } };
  const retry = d.details.retry_after;
  return Response.json(body, { status: d.status, headers: typeof retry === 'number' ? { 'Retry-After': String(retry) } : {} });
}
