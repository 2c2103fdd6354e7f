'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction } from '@/lib/http/form-action';
import { cancelMessage } from '@/lib/services/messages';
import { messageId } from '@/lib/validation/messages';

/** Cancel a message that has not left the server yet; its quota comes back. */
export const cancelMessageAction = formAction('client', z.object({ id: messageId }), async ({ db, actor, input }) => {
  await cancelMessage(db, actor, input.id);
  revalidatePath(`/client/messages/${input.id}`);
  revalidatePath('/client/messages');
  return { ok: true, message: 'Cancelled.' };
});
