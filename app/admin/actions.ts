'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formatMoney } from '@/lib/format';
import { formAction, num } from '@/lib/http/form-action';
import { creditReseller } from '@/lib/services/credit';
import { createReseller } from '@/lib/services/resellers';
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

export const creditResellerAction = formAction(
  'admin',
  creditInput.and(z.object({ reseller_id: idParam })),
  async ({ db, actor, input }) => {
    const { reseller_id, ...credit } = input;
    const res = await creditReseller(db, actor, reseller_id, credit);
    revalidatePath(`/admin/resellers/${reseller_id}`);
    const verb = credit.amount > 0 ? 'Added' : 'Deducted';
    return { ok: true, message: `${verb} ${formatMoney(Math.abs(credit.amount))}. New balance: ${formatMoney(res.credit_balance)}.` };
  },
  (v) => ({ ...v, amount: num(v.amount), method: v.method || undefined }),
);
