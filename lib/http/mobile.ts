import 'server-only';
import type { MessageView } from '@/lib/services/messages';

// The private-server protocol of the "SMS Gateway for Android" app (docs/device-protocol.md): camelCase
// JSON; errors are {"message", "code"} (lib/http/pipeline/formatters.ts).

/** A message as the app reads it from GET /message. */
export function mobileMessage(m: MessageView) {
  return {
    id: m.id,
    message: m.message,
    textMessage: { text: m.message },
    phoneNumbers: m.recipients.map((r) => r.phone),
    withDeliveryReport: true,
    validUntil: m.valid_until,
    state: 'Pending',
    createdAt: m.created_at,
  };
}
