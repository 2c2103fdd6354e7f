import 'server-only';
import type { MessageState } from '@/db/schema';
import type { DeviceView } from '@/lib/services/devices';
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

/** The app server's MessageState; the list leaves the content out unless asked (`includeContent=true`). */
export function messageState(m: MessageView, opts: { content?: boolean } = {}) {
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
    ...(opts.content === false ? {} : { textMessage: { text: m.message } }),
  };
}

type SimCard = { slotIndex: number; simNumber: number; phoneNumber?: string; carrierName?: string; iccid?: string };

/** The SIM cards a phone reported (POST/PATCH /device), in the app server's SimCard shape. */
function simCardsOf(raw: unknown): SimCard[] {
  if (!Array.isArray(raw)) return [];
  const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  return raw
    .filter((c): c is Record<string, unknown> => typeof c === 'object' && c !== null)
    .map((c, i) => {
      const card: SimCard = {
        slotIndex: Number.isInteger(c.slotIndex) ? (c.slotIndex as number) : i,
        simNumber: Number.isInteger(c.simNumber) ? (c.simNumber as number) : i + 1,
      };
      for (const k of ['phoneNumber', 'carrierName', 'iccid'] as const) {
        const v = str(c[k]);
        if (v) card[k] = v;
      }
      return card;
    });
}

/** The app server's Device: `simCards` left out when the phone reported none. */
export function appDevice(d: DeviceView) {
  const simCards = simCardsOf(d.sim_cards);
  return {
    id: d.id,
    name: d.name,
    createdAt: d.created_at,
    updatedAt: d.last_seen_at ?? d.created_at,
    lastSeen: d.last_seen_at,
    ...(simCards.length ? { simCards } : {}),
  };
}
