'use server';
// Server actions of the admin's reseller pages: edit, status switch, delete, live subdomain check,
// credit adjustment and commission settlement. Each re-checks the admin session, validates with zod and
// calls one service; the money rules live in the services.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { requireRole } from '@/lib/auth/session';
import { DomainError } from '@/lib/errors';
import { formatMoney } from '@/lib/format';
import { formAction, num } from '@/lib/http/form-action';
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
  return {
    ok: true,
    message: r.status === 'active' ? `${r.name} is active again.` : `${r.name} is suspended.`,
    data: { status: r.status },
  };
});

/** The service's refusal with the amounts written as money ("1,000,000 MMK"). */
function deleteRefusal(d: Record<string, unknown>): string {
  const reasons: string[] = [];
  const paid = Number(d.paid_subscriptions ?? 0);
  const credit = Number(d.credit_balance ?? 0);
  const commission = Number(d.commission_balance ?? 0);
  if (paid > 0) reasons.push(`${paid} paid subscription(s) still running`);
  if (credit !== 0) reasons.push(`credit balance is ${formatMoney(credit)}`);
  if (commission !== 0) reasons.push(`commission balance is ${formatMoney(commission)}`);
  return reasons.length ? `This reseller cannot be deleted: ${reasons.join('; ')}.` : 'This reseller cannot be deleted right now.';
}

export const deleteResellerAction = formAction('admin', deleteResellerForm, async ({ db, actor, input }) => {
  try {
    await deleteReseller(db, actor, input.reseller_id, input.confirm);
  } catch (err) {
    if (err instanceof DomainError && err.code === 'conflict') return { ok: false, message: deleteRefusal(err.details) };
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
  if (!q.success) return { subdomain: String(subdomain).slice(0, 100), available: false, reason: 'Subdomain is at most 40 characters.' };
  return checkSubdomain(db, actor, q.data.subdomain, q.data.except);
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
        const msg = `At most ${formatMoney(err.details.balance)} can be deducted.`;
        return {
          ok: false,
          message: 'An adjustment cannot make the balance negative.',
          fieldErrors: { amount: [msg] },
          values: { amount: String(input.amount), reason: input.reason, reference: input.reference ?? '' },
        };
      }
      throw err;
    }
    revalidateReseller(input.reseller_id);
    return { ok: true, message: `Deducted ${formatMoney(input.amount)}. New balance: ${formatMoney(res.credit_balance)}.` };
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
