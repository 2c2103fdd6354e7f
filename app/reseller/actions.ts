'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction } from '@/lib/http/form-action';
import { formatDate, formatMoney } from '@/lib/format';
import { activatePackage } from '@/lib/services/activation';
import { createClient, setClientSuspended } from '@/lib/services/clients';
import { activateInput, createClientInput } from '@/lib/validation/clients';
import { idParam } from '@/lib/validation/common';

const clientRef = z.object({ client_id: idParam });

export const createClientAction = formAction('reseller', createClientInput, async ({ db, actor, input }) => {
  const client = await createClient(db, actor, input);
  redirect(`/reseller/clients/${client.id}?created=1`);
}, (v) => ({ ...v, trial_days: v.trial_days === '' ? undefined : v.trial_days }));

export const activateAction = formAction('reseller', activateInput.and(clientRef), async ({ db, actor, input }) => {
  const res = await activatePackage(db, actor, input.client_id, { package_type: input.package_type });
  revalidatePath('/reseller', 'layout');
  const refund = res.refund > 0 ? ` Refunded ${formatMoney(res.refund)} for unused days.` : '';
  return {
    ok: true,
    message: `${res.subscription.name} ${res.kind === 'renewal' ? 'renewed' : 'activated'}: ${formatDate(res.subscription.starts_at)} – ${formatDate(res.subscription.ends_at)}. Charged ${formatMoney(res.subscription.price)}.${refund} Balance now ${formatMoney(res.credit_balance)}.`,
  };
});

export const suspendAction = formAction('reseller', clientRef.extend({ suspend: z.enum(['1', '0']) }), async ({ db, actor, input }) => {
  const c = await setClientSuspended(db, actor, input.client_id, input.suspend === '1');
  revalidatePath(`/reseller/clients/${input.client_id}`);
  return { ok: true, message: c.status === 'suspended' ? 'Client suspended.' : 'Client unsuspended.' };
});
