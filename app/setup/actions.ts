'use server';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { toDomainError } from '@/lib/http/errors';
import { type FormState, formValues } from '@/lib/http/form-action';
import { readerError } from '@/lib/i18n/errors';
import { createFirstAdmin } from '@/lib/services/seed';
import { createAdminInput } from '@/lib/validation/settings';

// No session exists yet on first run: this action is open only while the platform has no admin,
// which createFirstAdmin checks under a lock.
export async function setupAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const values = formValues(fd);
  const parsed = createAdminInput.safeParse(values);
  if (!parsed.success)
    return { ok: false, fieldErrors: (await readerError(toDomainError(parsed.error), parsed.error)).fieldErrors, values };
  if (values.password !== values.password_confirmation) {
    return { ok: false, fieldErrors: { password_confirmation: [(await getTranslations('setup'))('mismatch')] }, values };
  }
  try {
    const h = await headers();
    await createFirstAdmin(await getDb(), parsed.data, h.get('x-forwarded-for')?.split(',')[0].trim() ?? null);
  } catch (err) {
    return { ok: false, ...(await readerError(toDomainError(err), err)), values };
  }
  redirect('/login?setup=1');
}
