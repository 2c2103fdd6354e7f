'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction } from '@/lib/http/form-action';
import { decideTopupRequest } from '@/lib/services/topups';
import { idParam } from '@/lib/validation/common';
import { approveTopupInput, rejectTopupInput, TOPUP_STATUSES } from '@/lib/validation/credit';

const tab = z.enum([...TOPUP_STATUSES, 'all']).catch('pending');
const decideInput = z.discriminatedUnion('decision', [
  approveTopupInput.extend({ decision: z.literal('approve'), id: idParam, tab }),
  rejectTopupInput.extend({ decision: z.literal('reject'), id: idParam, tab }),
]);

/**
 * Approve (optional note) or reject (required reason) one request. The row leaves the pending queue, so
 * the outcome is shown by the page from the redirect's query; a second decision answers already_decided.
 */
export const decideTopupAction = formAction(
  'admin',
  decideInput,
  async ({ db, actor, input }) => {
    const decision =
      input.decision === 'approve' ? { approve: true as const, note: input.note } : { approve: false as const, reason: input.reason };
    const res = await decideTopupRequest(db, actor, input.id, decision);
    revalidatePath('/admin/topups');
    revalidatePath(`/admin/resellers/${res.reseller_id}`);
    const q = new URLSearchParams({ decided: String(res.id), outcome: res.status });
    if (input.tab !== 'pending') q.set('status', input.tab);
    redirect(`/admin/topups?${q.toString()}`);
  },
  // One text box serves as the approval note or the rejection reason, depending on the button pressed.
  (v) => ({ id: v.id, tab: v.tab, decision: v.decision, [v.decision === 'reject' ? 'reason' : 'note']: v.text ?? '' }),
);
