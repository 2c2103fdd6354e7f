'use server';
// Server actions of the admin's reseller pages: edit, status switch, delete, live subdomain check,
// credit adjustment and commission settlement. Each re-checks the admin session, validates with zod and
// calls one service; the money rules live in the services.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { requireRole } from '@/lib/auth/session';
import { DomainError } from '@/lib/errors';
import { formAction, num } from '@/lib/http/form-action';
import { languageOf } from '@/lib/i18n/locales';
import { getFormat } from '@/lib/i18n/server';
import { creditReseller } from '@/lib/services/credit';
import { deleteReseller, settleCommission } from '@/lib/services/reseller-admin';
import { checkSubdomain, updateReseller } from '@/lib/services/resellers';
import { idParam } from '@/lib/validation/common';
import { commissionSettleInput } from '@/lib/validation/credit';
import { adjustCreditForm, deleteResellerForm, editResellerForm, resellerStatusForm } from '@/lib/validation/reseller-forms';
import { subdomainCheckQuery } from '@/lib/validation/resellers';

const revalidateReseller = (id: number) => {
  revalidatePath('/admin/resellers');
  revalidatePath(`/admin/resellers/${id}`);
};

export const updateResellerAction = formAction(
  'admin',
  editResellerForm,
  async ({ db, actor, input }) => {
    const { reseller_id, password_confirmation: _confirm, commission_rate, ...profile } = input;
    await updateReseller(db, actor, reseller_id, {
      ...profile,
      ...(profile.partner_type === 'commission' ? { commission_rate } : {}),
    });
    revalidateReseller(reseller_id);
    redirect(`/admin/resellers/${reseller_id}?updated=1`);
  },
  (v) => ({
    ...v,
    commission_rate: v.partner_type === 'commission' ? num(v.commission_rate) : undefined,
    // Blank password fields keep the current password.
    password: v.password ? v.password : undefined,
    password_confirmation: v.password ? v.password_confirmation : undefined,
  }),
);

/** The list's and detail page's status switch: suspends (ends the reseller's sessions) or reactivates. */
export const setResellerStatusAction = formAction('admin', resellerStatusForm, async ({ db, actor, input }) => {
  const r = await updateReseller(db, actor, input.reseller_id, { status: input.status });
  revalidateReseller(r.id);
  const t = await getTranslations('admin.resellerActions');
  return {
    ok: true,
    message: t(r.status === 'active' ? 'activeAgain' : 'suspended', { name: r.name }),
    data: { status: r.status },
  };
});

/** The service's refusal with the amounts written as money ("1,000,000 MMK"). */
async function deleteRefusal(d: Record<string, unknown>): Promise<string> {
  const [t, f] = await Promise.all([getTranslations('admin.resellerActions'), getFormat()]);
  const reasons: string[] = [];
  const paid = Number(d.paid_subscriptions ?? 0);
  const credit = Number(d.credit_balance ?? 0);
  const commission = Number(d.commission_balance ?? 0);
  if (paid > 0) reasons.push(t('paidRunning', { count: paid }));
  if (credit !== 0) reasons.push(t('creditIs', { amount: f.money(credit) }));
  if (commission !== 0) reasons.push(t('commissionIs', { amount: f.money(commission) }));
  return reasons.length ? t('cannotDelete', { reasons: reasons.join(t('separator')) }) : t('cannotDeleteNow');
}

export const deleteResellerAction = formAction('admin', deleteResellerForm, async ({ db, actor, input }) => {
  try {
    await deleteReseller(db, actor, input.reseller_id, input.confirm);
  } catch (err) {
    if (err instanceof DomainError && err.code === 'conflict') return { ok: false, message: await deleteRefusal(err.details) };
    throw err;
  }
  revalidatePath('/admin/resellers');
  // On success the typed confirmation equals the reseller's name.
  redirect(`/admin/resellers?deleted=${encodeURIComponent(input.confirm)}`);
});

export interface SubdomainCheck {
  subdomain: string;
  available: boolean;
  reason: string | null;
}

/** Live validation for the create/edit forms (the browser has a session cookie, not an API token). */
export async function checkSubdomainAction(subdomain: string, exceptId?: number): Promise<SubdomainCheck> {
  const { db, actor } = await requireRole('admin');
  const q = subdomainCheckQuery.safeParse({ subdomain, except: exceptId });
  const t = await getTranslations('admin.subdomain');
  if (!q.success) return { subdomain: String(subdomain).slice(0, 100), available: false, reason: t('tooLong') };
  const res = await checkSubdomain(db, actor, q.data.subdomain, q.data.except);
  // English keeps the service's own wording; other languages read what kind of refusal it is.
  if (res.available || !res.reason || languageOf(await getLocale()) === 'en') return res;
  const kind = /taken/i.test(res.reason) ? 'taken' : /reserved/i.test(res.reason) ? 'reserved' : 'invalid';
  return { ...res, reason: t(`refused.${kind}`) };
}

export const adjustCreditAction = formAction(
  'admin',
  adjustCreditForm,
  async ({ db, actor, input }) => {
    let res: Awaited<ReturnType<typeof creditReseller>>;
    try {
      res = await creditReseller(db, actor, input.reseller_id, { amount: -input.amount, note: input.reason, reference: input.reference });
    } catch (err) {
      if (err instanceof DomainError && err.code === 'insufficient_credit' && typeof err.details.balance === 'number') {
        const [t, f] = await Promise.all([getTranslations('admin.resellerActions'), getFormat()]);
        const msg = t('atMost', { amount: f.money(err.details.balance) });
        return {
          ok: false,
          message: t('notNegative'),
          fieldErrors: { amount: [msg] },
          values: { amount: String(input.amount), reason: input.reason, reference: input.reference ?? '' },
        };
      }
      throw err;
    }
    revalidateReseller(input.reseller_id);
    const [t, f] = await Promise.all([getTranslations('admin.topupActions'), getFormat()]);
    return { ok: true, message: t('deducted', { amount: f.money(input.amount), balance: f.money(res.credit_balance) }) };
  },
  // "-5000" and "5000" both mean a deduction of 5,000 here.
  (v) => {
    const amount = num(v.amount);
    return { ...v, amount: typeof amount === 'number' ? Math.abs(amount) : amount };
  },
);

export const settleCommissionAction = formAction(
  'admin',
  commissionSettleInput.and(z.object({ reseller_id: idParam })),
  async ({ db, actor, input }) => {
    const { reseller_id, ...settle } = input;
    const res = await settleCommission(db, actor, reseller_id, settle);
    revalidateReseller(reseller_id);
    // A redirect, not an inline message: the form leaves the page once nothing is left to settle.
    redirect(`/admin/resellers/${reseller_id}?settled=${res.mode}&amount=${res.amount}`);
  },
  (v) => ({ ...v, amount: num(v.amount) }),
);
