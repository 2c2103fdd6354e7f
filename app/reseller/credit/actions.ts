'use server';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { formAction, num } from '@/lib/http/form-action';
import { getFormat } from '@/lib/i18n/server';
import { fileTopupRequest } from '@/lib/services/topups';
import { topupRequestInput } from '@/lib/validation/credit';

export const requestCreditAction = formAction(
  'reseller',
  topupRequestInput,
  async ({ db, actor, input }) => {
    const r = await fileTopupRequest(db, actor, input);
    revalidatePath('/reseller/credit');
    const [t, f] = await Promise.all([getTranslations('payments'), getFormat()]);
    return { ok: true, message: t('requestSent', { id: r.id, amount: f.money(r.amount) }) };
  },
  // The form's blank slip and unchosen account are absent, not empty (docs/payments.md).
  (v) => ({
    amount: num(v.amount),
    method: v.method || undefined,
    payment_account_id: v.payment_account_id ? num(v.payment_account_id) : undefined,
    reference: v.reference,
    note: v.note,
    slip_image: v.slip_image || undefined,
  }),
);
