import 'server-only';
// The add and edit server actions of a payment accounts page (admin: the platform's; reseller: its own),
// through formAction with the API's schemas (docs/payments.md).
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { createPaymentAccount, updatePaymentAccount } from '@/lib/services/payment-accounts';
import { idParam } from '@/lib/validation/common';
import { createPaymentAccountInput, updatePaymentAccountInput } from '@/lib/validation/payments';
import { formAction } from './form-action';

/** Form strings → the API's body: a checkbox is on or absent, a blank image keeps the current one. */
function fromForm(v: Record<string, string>) {
  return {
    method: v.method,
    account_name: v.account_name,
    account_number: v.account_number,
    instructions: v.instructions?.trim() ? v.instructions : null,
    enabled: v.enabled === 'on',
    ...(v.remove_qr === 'on' ? { qr_image: null } : v.qr_image ? { qr_image: v.qr_image } : {}),
  };
}

export function paymentAccountActions(role: 'admin' | 'reseller', path: string) {
  const create = formAction(
    role,
    createPaymentAccountInput,
    async ({ db, actor, input }) => {
      await createPaymentAccount(db, actor, input);
      revalidatePath(path);
      return { ok: true, message: (await getTranslations('payments'))('added') };
    },
    fromForm,
  );
  const update = formAction(
    role,
    updatePaymentAccountInput.extend({ id: idParam }),
    async ({ db, actor, input: { id, ...input } }) => {
      await updatePaymentAccount(db, actor, id, input);
      revalidatePath(path);
      return { ok: true, message: (await getTranslations('payments'))('saved') };
    },
    (v) => ({ ...fromForm(v), id: v.id }),
  );
  return { create, update };
}
