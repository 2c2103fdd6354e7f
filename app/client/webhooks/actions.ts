'use server';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { WEBHOOK_EVENTS } from '@/db/schema/messaging';
import { formAction } from '@/lib/http/form-action';
import { createWebhook, deleteWebhook, updateWebhook } from '@/lib/services/webhooks';
import { idParam } from '@/lib/validation/common';
import { webhookInput } from '@/lib/validation/gateway';

/** Each event is its own checkbox (`event:<name>`), so the form's values stay one string per key. */
export const createWebhookAction = formAction(
  'client',
  webhookInput,
  async ({ db, actor, input }) => {
    const w = await createWebhook(db, actor, input);
    revalidatePath('/client/webhooks');
    return { ok: true, data: { secret: w.secret, id: w.id } };
  },
  (v) => ({ url: (v.url ?? '').trim(), events: WEBHOOK_EVENTS.filter((e) => v[`event:${e}`] === 'on') }),
);

export const setWebhookEnabledAction = formAction(
  'client',
  z.object({ id: idParam, enabled: z.boolean() }),
  async ({ db, actor, input }) => {
    await updateWebhook(db, actor, input.id, { enabled: input.enabled });
    revalidatePath('/client/webhooks');
    return { ok: true, message: (await getTranslations('actionResult'))(input.enabled ? 'enabled' : 'disabled') };
  },
  (v) => ({ id: v.id, enabled: v.enabled === 'true' }),
);

export const deleteWebhookAction = formAction('client', z.object({ id: idParam }), async ({ db, actor, input }) => {
  await deleteWebhook(db, actor, input.id);
  revalidatePath('/client/webhooks');
  return { ok: true, message: (await getTranslations('actionResult'))('deleted') };
});
