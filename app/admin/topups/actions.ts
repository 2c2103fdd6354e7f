'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { DomainError } from '@/lib/errors';
import { formAction } from '@/lib/http/form-action';
import { readerError } from '@/lib/i18n/errors';
import { getFormat } from '@/lib/i18n/server';
import { getSettings } from '@/lib/services/settings';
import { decideTopupRequest, getTopupRequest } from '@/lib/services/topups';
import { idParam } from '@/lib/validation/common';
import { approveTopupInput, rejectTopupInput, TOPUP_STATUSES } from '@/lib/validation/credit';

const tab = z.enum([...TOPUP_STATUSES, 'all']).catch('pending');
const flags = { confirm_large: z.literal('1').optional(), confirm_duplicate: z.literal('1').optional() };
const decideInput = z.discriminatedUnion('decision', [
  approveTopupInput.omit({ allow_duplicate_reference: true }).extend({ decision: z.literal('approve'), id: idParam, tab, ...flags }),
  rejectTopupInput.extend({ decision: z.literal('reject'), id: idParam, tab, ...flags }),
]);

/**
 * Approve (optional note) or reject (required reason) one request. The row leaves the pending queue, so
 * the outcome is shown by the page from the redirect's query; a second decision answers already_decided.
 */
export const decideTopupAction = formAction(
  'admin',
  decideInput,
  async ({ db, actor, input }) => {
    const text = input.decision === 'approve' ? (input.note ?? '') : input.reason;
    const values: Record<string, string> = { text, ...(input.confirm_large ? { confirm_large: '1' } : {}) };
    if (input.decision === 'approve' && !input.confirm_large) {
      // A large amount is approved with a second press (the large-top-up setting, default 1,000,000 MMK).
      const [req, threshold] = await Promise.all([getTopupRequest(db, actor, input.id), getSettings(db)]);
      if (req.status === 'pending' && req.amount > threshold.large_topup_threshold) {
        const [t, f] = await Promise.all([getTranslations('admin.topups'), getFormat()]);
        return {
          ok: false,
          message: t('large', { amount: f.money(req.amount), threshold: f.money(threshold.large_topup_threshold) }),
          values,
          data: { confirm: { field: 'confirm_large', label: t('confirmLarge', { amount: f.money(req.amount) }) } },
        };
      }
    }
    const decision =
      input.decision === 'approve'
        ? { approve: true as const, note: input.note, allow_duplicate_reference: Boolean(input.confirm_duplicate) || undefined }
        : { approve: false as const, reason: input.reason };
    let res: Awaited<ReturnType<typeof decideTopupRequest>>;
    try {
      res = await decideTopupRequest(db, actor, input.id, decision);
    } catch (err) {
      if (err instanceof DomainError && err.code === 'duplicate_reference') {
        return {
          ok: false,
          message: (await readerError(err, err)).message,
          values,
          data: { confirm: { field: 'confirm_duplicate', label: (await getTranslations('admin.topups'))('confirmDuplicate') } },
        };
      }
      throw err;
    }
    revalidatePath('/admin/topups');
    revalidatePath(`/admin/resellers/${res.reseller_id}`);
    const q = new URLSearchParams({ decided: String(res.id), outcome: res.status });
    if (input.tab !== 'pending') q.set('status', input.tab);
    redirect(`/admin/topups?${q.toString()}`);
  },
  // One text box serves as the approval note or the rejection reason, depending on the button pressed.
  (v) => ({
    id: v.id,
    tab: v.tab,
    // A confirm button approves: it carries its flag instead of decision=approve.
    decision: v.confirm_large || v.confirm_duplicate ? 'approve' : v.decision,
    confirm_large: v.confirm_large || undefined,
    confirm_duplicate: v.confirm_duplicate || undefined,
    [v.decision === 'reject' ? 'reason' : 'note']: v.text ?? '',
  }),
);
