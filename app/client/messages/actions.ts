'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction } from '@/lib/http/form-action';
import { cancelMessage } from '@/lib/services/messages';
import { messageId } from '@/lib/validation/messages';

/** Cancel: at once while on the server (its quota comes back); a phone holding it is told to cancel it. */
export const cancelMessageAction = formAction('client', z.object({ id: messageId }), async ({ db, actor, input }) => {
  const m = await cancelMessage(db, actor, input.id);
  revalidatePath(`/client/messages/${input.id}`);
  revalidatePath('/client/messages');
  return { ok: true, message: m.state === 'cancelling' ? 'Asked the phone to cancel it.' : 'Cancelled.' };
});
