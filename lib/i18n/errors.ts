import 'server-only';
// A refusal in the reader's language. API answers keep their English `code` and message; portals show the
// code's translated message (messages/*.json "errors"), and zod's per-field messages by issue kind.
import { getLocale, getTranslations } from 'next-intl/server';
import { ZodError } from 'zod';
import type { DomainError, ErrorCode } from '@/lib/errors';
import { languageOf } from './locales';

export interface ReaderError {
  message: string;
  fieldErrors?: Record<string, string[]>;
}

/** English keeps the service's own wording (it names the limit, the field); Burmese reads the code. */
export async function readerError(d: DomainError, raw: unknown): Promise<ReaderError> {
  const fields = (d.details.fields ?? undefined) as Record<string, string[]> | undefined;
  if (languageOf(await getLocale()) === 'en') return { message: d.message, fieldErrors: fields };
  const t = await getTranslations();
  const message = t(`errors.${d.code as ErrorCode}`);
  if (!fields) return { message };
  const out: Record<string, string[]> = {};
  if (raw instanceof ZodError) {
    for (const issue of raw.issues) {
      const key = issue.path.length ? issue.path.map(String).join('.') : '_';
      const kind =
        (issue.code === 'invalid_type' && issue.input === undefined) || issue.input === ''
          ? 'required'
          : issue.code === 'too_small'
            ? 'tooSmall'
            : issue.code === 'too_big'
              ? 'tooBig'
              : 'invalid';
      (out[key] ??= []).push(t(`fieldErrors.${kind}`));
    }
  } else {
    for (const key of Object.keys(fields)) out[key] = [message];
  }
  return { message, fieldErrors: out };
}
