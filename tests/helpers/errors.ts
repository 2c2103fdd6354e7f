import { DomainError } from '@/lib/errors';

/** The DomainError a promise rejects with; fails the test if it resolves or throws something else. */
export async function domainError(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a DomainError, but the call succeeded');
}

/** The message of an error and of every `cause` under it (drizzle wraps driver errors). */
export function errorText(err: unknown): string {
  const parts: string[] = [];
  let e: unknown = err;
  for (let i = 0; i < 5 && e instanceof Error; i++) {
    parts.push(e.message);
    e = e.cause;
  }
  return parts.join(' | ');
}

/** The error a promise rejects with; fails the test if it resolves. */
export async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
