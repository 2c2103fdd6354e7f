'use server';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { formAction } from '@/lib/http/form-action';
import { createApiKey, revokeApiKey } from '@/lib/services/api-keys';
import { apiKeyInput } from '@/lib/validation/branding';
import { idParam } from '@/lib/validation/common';

export const createApiKeyAction = formAction('reseller', apiKeyInput, async ({ db, actor, input }) => {
  const k = await createApiKey(db, actor, input.name);
  revalidatePath('/reseller/api');
  // The key itself exists only in this response: it is stored hashed.
  const t = await getTranslations('reseller.api');
  return { ok: true, message: t('keyCreated', { name: k.name }), data: { key: k.key } };
});

export const revokeApiKeyAction = formAction('reseller', z.object({ key_id: idParam }), async ({ db, actor, input }) => {
  const k = await revokeApiKey(db, actor, input.key_id);
  revalidatePath('/reseller/api');
  return { ok: true, message: (await getTranslations('reseller.api'))('keyRevoked', { prefix: k.prefix }) };
});
