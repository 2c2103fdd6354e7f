'use server';
// The inbox's reply: the same service and schema as POST /api/v1/inbox/:phone/reply.
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { formAction } from '@/lib/http/form-action';
import { replyToThread } from '@/lib/services/inbox';
import { phone } from '@/lib/validation/common';
import { inboxReply } from '@/lib/validation/engagement';

export const replyAction = formAction('client', inboxReply.extend({ phone }), async ({ db, actor, input }) => {
  await replyToThread(db, actor, input.phone, input.message, 'portal');
  revalidatePath('/client/inbox');
  return { ok: true, message: (await getTranslations('inbox'))('replySent') };
});
