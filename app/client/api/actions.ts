'use server';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { formAction } from '@/lib/http/form-action';
import { createApiKey, revokeApiKey } from '@/lib/services/api-keys';
import { apiKeyInput } from '@/lib/validation/branding';
import { idParam } from '@/lib/validation/common';

export const createApiKeyAction = formAction('client', apiKeyInput, async ({ db, actor, input }) => {
  const k = await createApiKey(db, actor, input.name);
  revalidatePath('/client/api');
  return { ok: true, data: { key: k.key, name: k.name } };
});

export const revokeApiKeyAction = formAction('client', z.object({ id: idParam }), async ({ db, actor, input }) => {
  await revokeApiKey(db, actor, input.id);
  revalidatePath('/client/api');
  return { ok: true, message: (await getTranslations('actionResult'))('revoked') };
});
