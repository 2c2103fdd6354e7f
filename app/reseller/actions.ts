'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formatDate, formatMoney } from '@/lib/format';
import { formAction, num } from '@/lib/http/form-action';
import { activatePackage } from '@/lib/services/activation';
import { createClient, setClientSuspended, updateClient } from '@/lib/services/clients';
import { transferCredit } from '@/lib/services/transfers';
import { extendTrial } from '@/lib/services/trial-renewal';
import { activateInput, createClientInput } from '@/lib/validation/clients';
import {
  autoRenewForm,
  clientRef,
  editClientForm,
  extendTrialForm,
  renewForm,
  resetPasswordForm,
  transferForm,
} from '@/lib/validation/reseller-portal';

const clientPath = (id: number) => `/reseller/clients/${id}`;

export const createClientAction = formAction(
  'reseller',
  createClientInput,
  async ({ db, actor, input }) => {
    const client = await createClient(db, actor, input);
    redirect(`/reseller/clients/${client.id}?created=1`);
  },
  (v) => ({ ...v, trial_days: v.trial_days === '' ? undefined : v.trial_days }),
);

/**
 * The package panel's submit: the previewed package with the quote it showed (price and refund). The
 * service charges exactly that or refuses (price_changed); the page is re-rendered either way, so the
 * panel's preview is fresh after every submit.
 */
export const activateAction = formAction(
  'reseller',
  activateInput.and(clientRef),
  async ({ db, actor, input }) => {
    let res: Awaited<ReturnType<typeof activatePackage>>;
    try {
      res = await activatePackage(db, actor, input.client_id, {
        package_type: input.package_type,
        expected_price: input.expected_price,
        expected_refund: input.expected_refund,
      });
    } finally {
      revalidatePath('/reseller', 'layout');
    }
    const refund = res.refund > 0 ? ` Refunded ${formatMoney(res.refund)} for unused days.` : '';
    return {
      ok: true,
      message: `${res.subscription.name} ${res.kind === 'renewal' ? 'renewed' : 'activated'}: ${formatDate(res.subscription.starts_at)} – ${formatDate(res.subscription.ends_at)}. Charged ${formatMoney(res.subscription.price)}.${refund} Balance now ${formatMoney(res.credit_balance)}.`,
      data: { package_type: res.subscription.package_type },
    };
  },
  (v) => ({ ...v, expected_price: num(v.expected_price), expected_refund: num(v.expected_refund) }),
);

/** One-click renewal from the overview: the same package, the new period after the current one. */
export const renewAction = formAction('reseller', renewForm, async ({ db, actor, input }) => {
  const res = await activatePackage(db, actor, input.client_id, { package_type: input.package_type });
  revalidatePath('/reseller', 'layout');
  return { ok: true, message: `Renewed to ${formatDate(res.subscription.ends_at)}. Balance ${formatMoney(res.credit_balance)}.` };
});

export const suspendAction = formAction('reseller', clientRef.extend({ suspend: z.enum(['1', '0']) }), async ({ db, actor, input }) => {
  const c = await setClientSuspended(db, actor, input.client_id, input.suspend === '1');
  revalidatePath(clientPath(input.client_id));
  return { ok: true, message: c.status === 'suspended' ? 'Client suspended.' : 'Client unsuspended.' };
});

export const updateClientAction = formAction('reseller', editClientForm, async ({ db, actor, input }) => {
  const { client_id, ...fields } = input;
  await updateClient(db, actor, client_id, fields);
  revalidatePath(clientPath(client_id));
  return { ok: true, message: 'Client details saved.' };
});

export const resetPasswordAction = formAction('reseller', resetPasswordForm, async ({ db, actor, input }) => {
  await updateClient(db, actor, input.client_id, { password: input.password });
  return { ok: true, message: 'Password changed. The client is signed out everywhere and signs in with the new one.' };
});

export const extendTrialAction = formAction(
  'reseller',
  extendTrialForm,
  async ({ db, actor, input }) => {
    const c = await extendTrial(db, actor, input.client_id, input.days);
    revalidatePath(clientPath(input.client_id));
    return { ok: true, message: `Trial now ends ${formatDate(c.trial_ends_at)}.` };
  },
  (v) => ({ ...v, days: num(v.days) }),
);

export const autoRenewAction = formAction('reseller', autoRenewForm, async ({ db, actor, input }) => {
  const c = await updateClient(db, actor, input.client_id, { auto_renew: input.auto_renew === '1' });
  revalidatePath(clientPath(input.client_id));
  return { ok: true, message: c.auto_renew ? 'Auto-renew on.' : 'Auto-renew off.' };
});

export const transferAction = formAction(
  'reseller',
  transferForm,
  async ({ db, actor, input }) => {
    const signed = input.direction === 'give' ? input.amount : -input.amount;
    const r = await transferCredit(db, actor, input.client_id, signed, input.note);
    revalidatePath('/reseller', 'layout');
    return {
      ok: true,
      message: `${input.direction === 'give' ? 'Gave' : 'Took back'} ${formatMoney(input.amount)}. Client credit ${formatMoney(r.client_credit_balance)}; your credit ${formatMoney(r.credit_balance)}.`,
    };
  },
  (v) => ({ ...v, amount: num(v.amount) }),
);
