'use server';
// The reseller's keyword switch for one client: the same service and schema as PUT /api/reseller/clients/:id/keywords.
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { formAction } from '@/lib/http/form-action';
import { setKeywordLimit } from '@/lib/services/keywords';
import { idParam } from '@/lib/validation/common';
import { keywordLimitInput } from '@/lib/validation/engagement';

export const keywordLimitAction = formAction('reseller', keywordLimitInput.extend({ id: idParam }), async ({ db, actor, input }) => {
  await setKeywordLimit(db, actor, input.id, input.keyword_limit);
  revalidatePath(`/reseller/clients/${input.id}`);
  return { ok: true, message: (await getTranslations('reseller.engagement'))('saved') };
});
