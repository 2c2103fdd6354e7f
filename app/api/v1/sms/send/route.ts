// POST /api/v1/sms/send {phone | phones[], message, device_id?, valid_until?, keep_encoding?} → 202 with the queued
// messages, the numbers skipped as opted out (the blocklist), and whether the text was converted from Zawgyi to Unicode (docs/zawgyi.md)
import { z } from 'zod';
import { api } from '@/lib/http/families';
import { DEFAULT_COUNTRY } from '@/lib/phone';
import { queueMessagesReport } from '@/lib/services/messages';
import { clientPhoneCountry, needsCountry, parseRecipients } from '@/lib/services/recipients';
import { sendSmsInput } from '@/lib/validation/messages';
import { listOf } from '@/lib/validation/responses/common';
import { messageView, skippedRecipient } from '@/lib/validation/responses/messaging';

// Numbers are read in the client's country (default MM): `09 420 000 202` is sent to +959420000202.
export const POST = api(
  {
    summary: 'Queue SMS: {phone} or {phones[]} (one SMS per recipient against the quota)',
    auth: 'client',
    body: sendSmsInput,
    status: 202,
    idempotent: true,
    response: listOf(messageView).extend({ skipped: z.array(skippedRecipient), converted_from_zawgyi: z.boolean() }),
    errors: [403, 429],
  },
  async ({ db, actor, body }) => {
    const given = body.phones ?? [body.phone ?? ''];
    const country = needsCountry(given) ? await clientPhoneCountry(db, actor.userId) : DEFAULT_COUNTRY;
    const phones = body.phones ? parseRecipients(body.phones, country) : parseRecipients(given, country, 'phone', true);
    const { messages: data, skipped } = await queueMessagesReport(db, actor, {
      messages: phones.map((p) => ({ phones: [p] })),
      text: body.message,
      deviceId: body.device_id,
      validUntil: body.valid_until ? new Date(body.valid_until) : undefined,
      source: 'api',
      keepEncoding: body.keep_encoding,
    });
    // The service converts at its boundary; what it stored differs from what came in only then.
    // Blocklisted numbers (opted out) are neither queued nor counted: listed in `skipped`.
    return {
      data,
      skipped: skipped.map((phone) => ({ phone, reason: 'opted_out' as const })),
      converted_from_zawgyi: data.length > 0 && data[0].message !== body.message,
    };
  },
);
