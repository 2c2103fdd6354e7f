'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { formAction, num } from '@/lib/http/form-action';
import { getFormat } from '@/lib/i18n/server';
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
const texts = () => Promise.all([getTranslations('reseller.actions'), getFormat()]);

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
    const [t, f] = await texts();
    const refund = res.refund > 0 ? ` ${t('refunded', { amount: f.money(res.refund) })}` : '';
    const args = {
      name: res.subscription.name,
      from: f.date(res.subscription.starts_at),
      to: f.date(res.subscription.ends_at),
      charged: f.money(res.subscription.price),
      balance: f.money(res.credit_balance),
    };
    return {
      ok: true,
      message: `${t(res.kind === 'renewal' ? 'renewed' : 'activated', args)}${refund} ${t('balanceNow', args)}`,
      data: { package_type: res.subscription.package_type },
    };
  },
  (v) => ({ ...v, expected_price: num(v.expected_price), expected_refund: num(v.expected_refund) }),
);

/** One-click renewal from the overview: the same package, the new period after the current one. */
export const renewAction = formAction('reseller', renewForm, async ({ db, actor, input }) => {
  const res = await activatePackage(db, actor, input.client_id, { package_type: input.package_type });
  revalidatePath('/reseller', 'layout');
  const [t, f] = await texts();
  return { ok: true, message: t('renewedTo', { date: f.date(res.subscription.ends_at), balance: f.money(res.credit_balance) }) };
});

export const suspendAction = formAction('reseller', clientRef.extend({ suspend: z.enum(['1', '0']) }), async ({ db, actor, input }) => {
  const c = await setClientSuspended(db, actor, input.client_id, input.suspend === '1');
  revalidatePath(clientPath(input.client_id));
  const [t] = await texts();
  return { ok: true, message: c.status === 'suspended' ? t('suspended') : t('unsuspended') };
});

export const updateClientAction = formAction('reseller', editClientForm, async ({ db, actor, input }) => {
  const { client_id, ...fields } = input;
  await updateClient(db, actor, client_id, fields);
  revalidatePath(clientPath(client_id));
  return { ok: true, message: (await getTranslations('reseller.actions'))('saved') };
});

export const resetPasswordAction = formAction('reseller', resetPasswordForm, async ({ db, actor, input }) => {
  await updateClient(db, actor, input.client_id, { password: input.password });
  return { ok: true, message: (await getTranslations('reseller.actions'))('passwordChanged') };
});

export const extendTrialAction = formAction(
  'reseller',
  extendTrialForm,
  async ({ db, actor, input }) => {
    const c = await extendTrial(db, actor, input.client_id, input.days);
    revalidatePath(clientPath(input.client_id));
    const [t, f] = await texts();
    return { ok: true, message: t('trialEnds', { date: f.date(c.trial_ends_at) }) };
  },
  (v) => ({ ...v, days: num(v.days) }),
);

export const autoRenewAction = formAction('reseller', autoRenewForm, async ({ db, actor, input }) => {
  const c = await updateClient(db, actor, input.client_id, { auto_renew: input.auto_renew === '1' });
  revalidatePath(clientPath(input.client_id));
  const [t] = await texts();
  return { ok: true, message: c.auto_renew ? t('autoRenewOn') : t('autoRenewOff') };
});

export const transferAction = formAction(
  'reseller',
  transferForm,
  async ({ db, actor, input }) => {
    const signed = input.direction === 'give' ? input.amount : -input.amount;
    const r = await transferCredit(db, actor, input.client_id, signed, input.note);
    revalidatePath('/reseller', 'layout');
    const [t, f] = await texts();
    return {
      ok: true,
      message: t(input.direction === 'give' ? 'gave' : 'tookBack', {
        amount: f.money(input.amount),
        client: f.money(r.client_credit_balance),
        own: f.money(r.credit_balance),
      }),
    };
  },
  (v) => ({ ...v, amount: num(v.amount) }),
);
