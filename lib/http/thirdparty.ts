import 'server-only';
import type { MessageState } from '@/db/schema';
import type { MessageView } from '@/lib/services/messages';

// The 3rd-party API of SMS Gateway for Android, so its official client libraries send through us: Basic
// auth with the gateway login and password (lib/http/pipeline/gateway-auth.ts), the app server's
// MessageState shape.

export const TO_APP: Record<MessageState, string> = {
  pending: 'Pending',
  processing: 'Processed',
  sent: 'Sent',
  delivered: 'Delivered',
  failed: 'Failed',
  expired: 'Failed',
  unknown: 'Processed',
  cancelling: 'Cancelling',
  cancelled: 'Cancelled',
};
export const FROM_APP_FILTER: Record<string, MessageState[]> = {
  Pending: ['pending'],
  Processed: ['processing', 'unknown'],
  Sent: ['sent'],
  Delivered: ['delivered'],
  Failed: ['failed', 'expired'],
  Cancelling: ['cancelling'],
  Cancelled: ['cancelled'],
};

export function messageState(m: MessageView) {
  const states: Record<string, string> = {};
  for (const [k, v] of Object.entries(m.states)) if (k in TO_APP) states[TO_APP[k as MessageState]] = v;
  return {
    id: m.id,
    deviceId: m.device_id,
    state: TO_APP[m.state],
    isHashed: false,
    isEncrypted: m.is_encrypted,
    recipients: m.recipients.map((r) => ({
      phoneNumber: r.phone,
      state: TO_APP[r.state],
      ...(r.error ? { error: r.error } : r.state === 'expired' ? { error: 'expired before a device took it' } : {}),
    })),
    states,
    textMessage: { text: m.message },
  };
}
