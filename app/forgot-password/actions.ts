'use server';
// "Forgot password?" (docs/notifications.md#password-reset): public forms, no session. The answer to a request
// is the same whatever the e-mail; a refused link or code is one message, whatever was wrong with it.
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import type { z } from 'zod';
import { getDb } from '@/db';
import { DomainError } from '@/lib/errors';
import { clientIp } from '@/lib/http/client-ip';
import { toDomainError } from '@/lib/http/errors';
import { type FormState, formValues } from '@/lib/http/form-action';
import { subdomainFromHost } from '@/lib/http/host';
import { readerError } from '@/lib/i18n/errors';
import { completePasswordReset, requestPasswordReset } from '@/lib/services/password-reset';
import { getSettings } from '@/lib/services/settings';
import { forgotPasswordInput, resetByCodeInput, resetByTokenInput } from '@/lib/validation/password-reset';

/**
 * The origin the link points at: the host the person used, when it is the platform's domain or a brand's
 * subdomain of it; anything else (a forged Host header) gets the platform's own domain.
 */
async function linkOrigin(): Promise<string> {
  const h = await headers();
  const host = (h.get('x-forwarded-host') ?? h.get('host') ?? '').split(',')[0].trim().toLowerCase();
  const base = (await getSettings(await getDb())).base_domain.toLowerCase();
  const bare = (s: string) => s.replace(/:\d+$/, '');
  const ours = bare(host) === bare(base) || subdomainFromHost(host, base) !== null;
  const chosen = ours ? host : base;
  const local = /(^|\.)localhost$/.test(bare(chosen));
  const proto = (h.get('x-forwarded-proto') ?? (local ? 'http' : 'https')).split(',')[0].trim();
  return `${proto}://${chosen}`;
}

async function refused(err: unknown, values: Record<string, string>): Promise<FormState> {
  const e = toDomainError(err);
  const t = await getTranslations('reset');
  if (e.code === 'rate_limited') return { ok: false, message: t('rateLimited'), values };
  if (e.code === 'reset_invalid') return { ok: false, message: t('invalid'), values };
  if (e.code !== 'validation_failed') throw err;
  const { fieldErrors, message } = await readerError(e, err);
  return { ok: false, fieldErrors, message: fieldErrors ? undefined : message, values };
}

export async function forgotPasswordAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const values = formValues(fd);
  try {
    const input = forgotPasswordInput.parse(values);
    const db = await getDb();
    await requestPasswordReset(db, { ...input, ip: clientIp(await headers()), origin: await linkOrigin() });
    return { ok: true, message: (await getTranslations('reset'))('sent'), values: { email: input.email, channel: input.channel } };
  } catch (err) {
    return refused(err, values);
  }
}

function parseOr<S extends z.ZodType>(schema: S, values: Record<string, string>): z.output<S> {
  const r = schema.safeParse(values);
  if (!r.success) throw r.error;
  return r.data;
}

export async function resetPasswordAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const values = formValues(fd);
  const kept = { email: values.email ?? '', code: values.code ?? '', token: values.token ?? '' };
  try {
    const db = await getDb();
    if (values.token) {
      const input = parseOr(resetByTokenInput, values);
      await completePasswordReset(db, { token: input.token }, input.password);
    } else {
      const input = parseOr(resetByCodeInput, values);
      await completePasswordReset(db, { email: input.email, code: input.code }, input.password);
    }
  } catch (err) {
    if (err instanceof DomainError || (err as { name?: string }).name === 'ZodError') return refused(err, kept);
    throw err;
  }
  redirect('/login?reset=1');
}
