'use server';
// The Templates page's actions: the same services and schemas as /api/v1/templates.
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { formAction } from '@/lib/http/form-action';
import { createTemplate, deleteTemplate } from '@/lib/services/templates';
import { idParam } from '@/lib/validation/common';
import { templateInput } from '@/lib/validation/templates';

export const createTemplateAction = formAction('client', templateInput, async ({ db, actor, input }) => {
  await createTemplate(db, actor, input);
  revalidatePath('/client/templates');
  return { ok: true, message: (await getTranslations('client.templates'))('saved') };
});

export const deleteTemplateAction = formAction('client', z.object({ id: idParam }), async ({ db, actor, input }) => {
  await deleteTemplate(db, actor, input.id);
  revalidatePath('/client/templates');
  return { ok: true };
});
