'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { DomainError } from '@/lib/errors';
import { formAction, num } from '@/lib/http/form-action';
import { readerError } from '@/lib/i18n/errors';
import { getFormat } from '@/lib/i18n/server';
import { creditReseller } from '@/lib/services/credit';
import { createReseller } from '@/lib/services/resellers';
import { getSettings } from '@/lib/services/settings';
import { idParam } from '@/lib/validation/common';
import { creditInput } from '@/lib/validation/credit';
import { createResellerInput } from '@/lib/validation/resellers';

export const createResellerAction = formAction(
  'admin',
  createResellerInput,
  async ({ db, actor, input }) => {
    const reseller = await createReseller(db, actor, input);
    redirect(`/admin/resellers/${reseller.id}?created=1`);
  },
  (v) => ({ ...v, commission_rate: v.partner_type === 'commission' ? num(v.commission_rate) : undefined }),
);

const confirmFlags = z.object({ confirm_large: z.literal('1').optional(), confirm_duplicate: z.literal('1').optional() });

/**
 * The admin's top-up form. Two confirm steps before money moves: an amount above the large-top-up setting
 * (default 1,000,000 MMK), and a payment reference already credited (the service's duplicate_reference,
 * which names the earlier ledger entry). Each is a second press of a button, never a silent default.
 */
export const creditResellerAction = formAction(
  'admin',
  creditInput.and(z.object({ reseller_id: idParam })).and(confirmFlags),
  async ({ db, actor, input }) => {
    const { reseller_id, confirm_large, confirm_duplicate, ...credit } = input;
    const values = formEcho(input);
    const threshold = (await getSettings(db)).large_topup_threshold;
    const [t, f] = await Promise.all([getTranslations('admin.topupActions'), getFormat()]);
    if (credit.amount > threshold && !confirm_large) {
      return {
        ok: false,
        message: t('large', { amount: f.money(credit.amount), threshold: f.money(threshold) }),
        values,
        data: { confirm: { field: 'confirm_large', label: t('confirmLarge', { amount: f.money(credit.amount) }) } },
      };
    }
    let res: Awaited<ReturnType<typeof creditReseller>>;
    try {
      res = await creditReseller(db, actor, reseller_id, { ...credit, allow_duplicate_reference: Boolean(confirm_duplicate) || undefined });
    } catch (err) {
      if (err instanceof DomainError && err.code === 'duplicate_reference') {
        return {
          ok: false,
          message: (await readerError(err, err)).message,
          values,
          data: { confirm: { field: 'confirm_duplicate', label: t('confirmDuplicate') } },
        };
      }
      throw err;
    }
    revalidatePath(`/admin/resellers/${reseller_id}`);
    return {
      ok: true,
      message: t(credit.amount > 0 ? 'added' : 'deducted', {
        amount: f.money(Math.abs(credit.amount)),
        balance: f.money(res.credit_balance),
      }),
    };
  },
  (v) => ({ ...v, amount: num(v.amount), method: v.method || undefined }),
);

/** The form's values as typed, so a confirm step re-sends exactly them. */
function formEcho(input: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(input)) if (v !== undefined && v !== null) out[k] = String(v);
  return out;
}
