'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { splitRecipients } from '@/components/client/recipients';
import { DomainError } from '@/lib/errors';
import { formAction } from '@/lib/http/form-action';
import { displayPhone } from '@/lib/phone';
import { queueMessagesReport } from '@/lib/services/messages';
import { clientPhoneCountry, parseRecipients } from '@/lib/services/recipients';
import { sendSmsInput } from '@/lib/validation/messages';

/** The portal's send: the same schema and service as POST /api/v1/sms/send, one message per recipient. */
export const sendSmsAction = formAction(
  'client',
  sendSmsInput,
  async ({ db, actor, input }) => {
    const country = await clientPhoneCountry(db, actor.userId);
    const phones = parseRecipients(input.phones ?? (input.phone ? [input.phone] : []), country);
    try {
      const { messages: queued, skipped } = await queueMessagesReport(db, actor, {
        messages: phones.map((p) => ({ phones: [p] })),
        text: input.message,
        deviceId: input.device_id,
        source: 'portal',
        keepEncoding: input.keep_encoding,
      });
      revalidatePath('/client');
      revalidatePath('/client/messages');
      return {
        ok: true,
        data: {
          messages: queued.map((m) => ({ id: m.id, phone: displayPhone(m.phone, country) })),
          // Opted out (the blocklist): not sent, not counted.
          skipped: skipped.map((p) => displayPhone(p, country)),
        },
      };
    } catch (err) {
      throw friendlier(err);
    }
  },
  (v) => {
    const phones = splitRecipients(v.recipients ?? '');
    return {
      phones: phones.length ? phones : undefined,
      message: v.message ?? '',
      device_id: v.device_id || undefined,
      // "Keep as typed" on the Zawgyi prompt (docs/zawgyi.md); otherwise the service converts Zawgyi.
      keep_encoding: v.keep_encoding === 'true' || undefined,
    };
  },
);

/** Quota refusals in the words a person reads: what the limit is and how much of it is used. */
function friendlier(err: unknown): unknown {
  if (!(err instanceof DomainError)) return err;
  const d = z.object({ limit: z.number(), used: z.number(), requested: z.number() }).safeParse(err.details);
  if (!d.success) return err;
  const { limit, used, requested } = d.data;
  const left = Math.max(0, limit - used);
  const tail = left > 0 ? ` Only ${left} left; this send needs ${requested}.` : '';
  if (err.code === 'daily_limit_reached')
    return new DomainError(err.code, `Daily limit reached: ${used} of ${limit} SMS used today.${tail}`, err.details);
  if (err.code === 'period_limit_reached')
    return new DomainError(err.code, `Package limit reached: ${used} of ${limit} SMS used this period.${tail}`, err.details);
  return err;
}
