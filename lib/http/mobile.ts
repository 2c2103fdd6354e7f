import 'server-only';
import type { DeviceMessage } from '@/lib/services/device-queue';

// The private-server protocol of the "SMS Gateway for Android" app (docs/device-protocol.md): camelCase
// JSON; errors are {"message", "code"} (lib/http/pipeline/formatters.ts).

/**
 * A message as the app reads it from GET /message: the app server's MobileMessage, with the caller's
 * options as given and, like its Go JSON, `simNumber`, `isEncrypted`, `priority` left out when unset.
 * `ttl` is the seconds left until `validUntil` (the app reads `validUntil`; older ones read `ttl`).
 */
export function mobileMessage(m: DeviceMessage, now = new Date()) {
  const ttl = Math.max(0, Math.floor((Date.parse(m.valid_until) - now.getTime()) / 1000));
  return {
    id: m.id,
    message: m.message,
    textMessage: { text: m.message },
    phoneNumbers: m.recipients.map((r) => r.phone),
    ...(m.sim_number ? { simNumber: m.sim_number } : {}),
    withDeliveryReport: m.with_delivery_report,
    ...(m.is_encrypted ? { isEncrypted: true as const } : {}),
    ...(m.priority ? { priority: m.priority } : {}),
    ...(ttl ? { ttl } : {}),
    validUntil: m.valid_until,
    state: m.state === 'cancelling' ? ('Cancelling' as const) : ('Pending' as const),
    createdAt: m.created_at,
  };
}
