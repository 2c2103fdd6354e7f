'use server';
// The campaign pages' actions: the same services and schemas as /api/v1/campaigns.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction } from '@/lib/http/form-action';
import { cancelCampaign, createCampaign, resendFailed } from '@/lib/services/campaigns';
import { campaignInput } from '@/lib/validation/campaigns';
import { idParam } from '@/lib/validation/common';

/** Form strings → the API's campaign input: one checkbox per group (`group:<id>`), numbers one per line or comma. */
function toCampaign(v: Record<string, string>) {
  const phones = (v.phones ?? '')
    .split(/[\n,;]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const groups = Object.keys(v)
    .filter((k) => k.startsWith('group:') && v[k] === 'on')
    .map((k) => Number(k.slice(6)));
  const useTemplate = v.source === 'template';
  return {
    name: v.name ?? '',
    ...(useTemplate ? { template_id: v.template_id || undefined } : { message: v.message ?? '' }),
    group_ids: groups.length ? groups : undefined,
    phones: phones.length ? phones : undefined,
    scheduled_at: v.when === 'later' ? v.scheduled_at || '' : undefined,
    device_id: v.device_id || undefined,
  };
}

export const createCampaignAction = formAction(
  'client',
  campaignInput,
  async ({ db, actor, input }) => {
    const out = await createCampaign(db, actor, input, 'portal');
    revalidatePath('/client/campaigns');
    redirect(`/client/campaigns/${out.id}`);
  },
  toCampaign,
);

export const cancelCampaignAction = formAction('client', z.object({ id: idParam }), async ({ db, actor, input }) => {
  await cancelCampaign(db, actor, input.id);
  revalidatePath(`/client/campaigns/${input.id}`);
  return { ok: true };
});

export const resendFailedAction = formAction('client', z.object({ id: idParam }), async ({ db, actor, input }) => {
  const out = await resendFailed(db, actor, input.id, 'portal');
  revalidatePath('/client/campaigns');
  redirect(`/client/campaigns/${out.id}`);
});
