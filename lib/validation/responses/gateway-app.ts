// What the Android app's protocols answer (camelCase, the app server's shapes): the private-server
// protocol (/api/mobile/v1) and the 3rd-party API (/api/3rdparty/v1).
import { z } from 'zod';
import { instant, obj } from './common';

export const registered = obj({ id: z.string(), token: z.string(), login: z.string() });

export const externalIp = obj({
  externalIp: z.string(),
  device: obj({ id: z.string(), name: z.string(), createdAt: instant, lastSeen: instant.optional() }).optional(),
});

// The app server's MobileMessage: options left out when false, 0 or null, as its JSON does.
export const appMessage = obj({
  id: z.string(),
  message: z.string(),
  textMessage: obj({ text: z.string() }),
  phoneNumbers: z.array(z.string()),
  simNumber: z.number().int().optional(),
  withDeliveryReport: z.boolean(),
  isEncrypted: z.literal(true).optional(),
  priority: z.number().int().optional(),
  ttl: z.number().int().optional(),
  validUntil: instant,
  state: z.enum(['Pending', 'Cancelling']),
  createdAt: instant,
});

export const appWebhooks = z.array(obj({ id: z.string(), deviceId: z.string().nullable(), url: z.string(), event: z.string() }));
/** The app server's Webhook (3rd-party /webhooks). */
export const appWebhook = obj({ id: z.string(), deviceId: z.string().nullable(), url: z.string(), event: z.string() });
// The app server's DeviceSettings: only the sections we set are present.
export const appSettings = obj({ gateway: obj({ notification_channel: z.enum(['AUTO', 'SSE_ONLY']) }) });
export const userCode = obj({ code: z.string(), validUntil: instant });

const appState = z.enum(['Pending', 'Processed', 'Sent', 'Delivered', 'Failed', 'Cancelling', 'Cancelled']);
export const messageState = obj({
  id: z.string(),
  deviceId: z.string().nullable(),
  state: appState,
  isHashed: z.boolean(),
  isEncrypted: z.boolean(),
  recipients: z.array(obj({ phoneNumber: z.string(), state: appState, error: z.string().optional() })),
  states: z.record(z.string(), z.string()),
  textMessage: obj({ text: z.string() }).optional(),
});
/** A send's answer: MessageState, plus `warning: "no_device"` when the client has no phone to take it. */
export const sendAnswer = messageState.extend({ warning: z.literal('no_device').optional() });

export const thirdPartyDevice = obj({
  id: z.string(),
  name: z.string(),
  createdAt: instant,
  updatedAt: instant,
  lastSeen: instant.nullable(),
  simCards: z
    .array(
      obj({
        slotIndex: z.number().int(),
        simNumber: z.number().int(),
        phoneNumber: z.string().optional(),
        carrierName: z.string().optional(),
        iccid: z.string().optional(),
      }),
    )
    .optional(),
});

const check = obj({
  status: z.enum(['pass', 'fail']),
  observedValue: z.number().optional(),
  observedUnit: z.string().optional(),
  description: z.string().optional(),
});
export const health = obj({
  status: z.enum(['pass', 'warn', 'fail']),
  version: z.string(),
  releaseId: z.number().int(),
  checks: z.record(z.string(), check),
});

/** POST /auth/token: the app server's TokenResponse. */
export const tokenAnswer = obj({ id: z.string(), token_type: z.literal('Bearer'), access_token: z.string(), expires_at: instant });

/** The app server's LogEntry (GET /logs answers 501 here, as on its cloud server). */
export const logEntry = obj({
  id: z.number().int(),
  priority: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']),
  module: z.string(),
  message: z.string(),
  context: z.record(z.string(), z.unknown()),
  createdAt: instant,
});
