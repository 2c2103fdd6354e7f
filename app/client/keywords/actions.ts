'use server';
// The Keywords page's actions: the same services and schemas as /api/v1/keywords.
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { formAction } from '@/lib/http/form-action';
import { createKeyword, deleteKeyword, updateKeyword } from '@/lib/services/keywords';
import { idParam } from '@/lib/validation/common';
import { keywordInput, keywordUpdate } from '@/lib/validation/engagement';

/** Form strings → the API's body: an empty group is "no group", an empty reply is "no reply". */
const toInput = ({ keyword, reply, group_id, id }: Record<string, string>) => ({
  ...(id !== undefined ? { id } : {}),
  keyword: keyword ?? '',
  reply: reply ? reply : null,
  group_id: group_id ? group_id : null,
});

export const createKeywordAction = formAction(
  'client',
  keywordInput,
  async ({ db, actor, input }) => {
    await createKeyword(db, actor, input);
    revalidatePath('/client/keywords');
    return { ok: true, message: (await getTranslations('client.keywords'))('saved') };
  },
  toInput,
);

export const updateKeywordAction = formAction(
  'client',
  keywordUpdate.extend({ id: idParam }),
  async ({ db, actor, input: { id, ...rest } }) => {
    await updateKeyword(db, actor, id, rest);
    revalidatePath('/client/keywords');
    return { ok: true, message: (await getTranslations('client.keywords'))('updated') };
  },
  toInput,
);

export const deleteKeywordAction = formAction('client', z.object({ id: idParam }), async ({ db, actor, input }) => {
  await deleteKeyword(db, actor, input.id);
  revalidatePath('/client/keywords');
  return { ok: true };
});
