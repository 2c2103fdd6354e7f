import 'server-only';
import { isRedirectError } from 'next/dist/client/components/redirect-error';
import type { z } from 'zod';
import type { Role } from '@/lib/auth/permissions';
import { requireRole, type SessionUser } from '@/lib/auth/session';
import { DomainError } from '@/lib/errors';
import { readerError } from '@/lib/i18n/errors';
import { logError } from '@/lib/log';
import { assertStorableText, toDomainError } from './errors';

export interface FormState {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** What the user typed, so a refused form keeps its values. */
  values?: Record<string, string>;
  data?: Record<string, unknown>;
}

export const initialFormState: FormState = {};

/** Form fields as strings; empty strings kept so zod can say "required". */
export function formValues(fd: FormData): Record<string, string> {
  // A hand-made server-action POST may carry anything; a form always sends FormData.
  if (!(fd instanceof FormData)) throw new DomainError('validation_failed', 'This form could not be read. Reload the page and try again.');
  const out: Record<string, string> = {};
  for (const [k, v] of fd.entries()) if (!k.startsWith('$ACTION') && typeof v === 'string') out[k] = v;
  return out;
}

/**
 * Every server action is `formAction(role, schema, fn)`: re-check the session's role and account status,
 * validate with the same zod schema as the API, call a service, and return per-field errors for
 * useActionState. `toInput` adapts form strings (numbers, checkboxes) to the schema's input.
 */
export function formAction<S extends z.ZodType>(
  role: Role,
  schema: S,
  fn: (ctx: SessionUser & { input: z.output<S> }) => Promise<FormState | undefined>,
  toInput: (values: Record<string, string>) => unknown = (v) => v,
) {
  return async (_prev: FormState, fd: FormData): Promise<FormState> => {
    const session = await requireRole(role);
    let values: Record<string, string> = {};
    try {
      values = formValues(fd);
      // Text the database cannot store (NUL, lone surrogates) is a field error, as in the API.
      assertStorableText(values);
      const input = schema.parse(toInput(values));
      return (await fn({ ...session, input })) ?? { ok: true };
    } catch (err) {
      if (isRedirectError(err)) throw err;
      const d = toDomainError(err);
      if (d.code === 'internal_error') logError('unhandled error in server action', err);
      const { message, fieldErrors } = await readerError(d, err);
      return { ok: false, message, fieldErrors, values };
    }
  };
}

/** Form text → number for money and counts; blank stays undefined so zod reports "required". */
export function num(v: string | undefined): number | undefined {
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number(v.replace(/[,\s]/g, ''));
  return Number.isNaN(n) ? (v as unknown as number) : n;
}
