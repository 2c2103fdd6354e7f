// POST /api/v1/sms/send {phone | phones[], message, device_id?, valid_until?} → 202 with the queued messages
import { withApi } from '@/lib/http/api';
import { queueMessages } from '@/lib/services/messages';
import { sendSmsInput } from '@/lib/validation/messages';

export const POST = withApi({ auth: 'client', body: sendSmsInput, status: 202, idempotent: true }, async ({ db, actor, body }) => {
  const phones = body.phones ?? (body.phone ? [body.phone] : []);
  const data = await queueMessages(db, actor, {
    messages: phones.map((p) => ({ phones: [p] })),
    text: body.message,
    deviceId: body.device_id,
    validUntil: body.valid_until ? new Date(body.valid_until) : undefined,
    source: 'api',
  });
  return { data };
});
