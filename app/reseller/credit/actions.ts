'use server';
import { revalidatePath } from 'next/cache';
import { formatMoney } from '@/lib/format';
import { formAction, num } from '@/lib/http/form-action';
import { fileTopupRequest } from '@/lib/services/topups';
import { topupRequestInput } from '@/lib/validation/credit';

export const requestCreditAction = formAction(
  'reseller',
  topupRequestInput,
  async ({ db, actor, input }) => {
    const r = await fileTopupRequest(db, actor, input);
    revalidatePath('/reseller/credit');
    return { ok: true, message: `Request #${r.id} for ${formatMoney(r.amount)} sent. The credit is added when the platform approves it.` };
  },
  (v) => ({ ...v, amount: num(v.amount) }),
);
