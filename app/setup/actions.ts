'use server';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { toDomainError, zodFieldErrors } from '@/lib/http/errors';
import { type FormState, formValues } from '@/lib/http/form-action';
import { createFirstAdmin } from '@/lib/services/seed';
import { createAdminInput } from '@/lib/validation/settings';

// No session exists yet on first run: this action is open only while the platform has no admin,
// which createFirstAdmin checks under a lock.
export async function setupAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const values = formValues(fd);
  const parsed = createAdminInput.safeParse(values);
  if (!parsed.success) return { ok: false, fieldErrors: zodFieldErrors(parsed.error), values };
  if (values.password !== values.password_confirmation) {
    return { ok: false, fieldErrors: { password_confirmation: ['Passwords do not match.'] }, values };
  }
  try {
    const h = await headers();
    await createFirstAdmin(await getDb(), parsed.data, h.get('x-forwarded-for')?.split(',')[0].trim() ?? null);
  } catch (err) {
    const d = toDomainError(err);
    return { ok: false, message: d.message, fieldErrors: d.details.fields as Record<string, string[]> | undefined, values };
  }
  redirect('/login?setup=1');
}
