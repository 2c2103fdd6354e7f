'use server';
// The Blocklist page's actions: the same services and schemas as /api/v1/blocklist and /api/v1/stop-words.
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { formAction } from '@/lib/http/form-action';
import { addToBlocklist, removeFromBlocklist } from '@/lib/services/blocklist';
import { addStopWord, removeStopWord } from '@/lib/services/stop-words';
import { phone } from '@/lib/validation/common';
import { stopWordInput } from '@/lib/validation/engagement';

const done = async (key: 'blocked' | 'unblocked' | 'wordAdded' | 'wordRemoved') => {
  revalidatePath('/client/blocklist');
  return { ok: true, message: (await getTranslations('client.blocklist'))(key) };
};

export const blockAction = formAction('client', z.object({ phone }), async ({ db, actor, input }) => {
  await addToBlocklist(db, actor, [input.phone]);
  return done('blocked');
});

export const unblockAction = formAction('client', z.object({ phone }), async ({ db, actor, input }) => {
  await removeFromBlocklist(db, actor, input.phone);
  return done('unblocked');
});

export const addStopWordAction = formAction('client', stopWordInput, async ({ db, actor, input }) => {
  await addStopWord(db, actor, input);
  return done('wordAdded');
});

export const removeStopWordAction = formAction('client', stopWordInput, async ({ db, actor, input }) => {
  await removeStopWord(db, actor, input);
  return done('wordRemoved');
});
