// What the client API's messaging endpoints answer: messages, phones, webhooks, gateway credentials, OTP.
import { z } from 'zod';
import { MESSAGE_STATES, WEBHOOK_EVENTS } from '@/db/schema/messaging';
import { instant, nullableInstant, obj } from './common';

const state = z.enum(MESSAGE_STATES);

/** A number a send skipped: on the client's blocklist (it opted out). */
export const skippedRecipient = z.object({ phone: z.string(), reason: z.enum(['opted_out']) });

export const messageView = obj({
  id: z.string(),
  state,
  phone: z.string(),
  recipients: z.array(obj({ phone: z.string(), state, error: z.string().nullable() })),
  message: z.string(),
  segments: z.number().int(),
  encoding: z.enum(['gsm7', 'ucs2']),
  device_id: z.string().nullable(),
  source: z.string(),
  valid_until: instant,
  is_encrypted: z.boolean(),
  error: z.string().nullable(),
  states: z.record(z.string(), z.string()),
  created_at: instant,
  updated_at: instant,
});

export const deviceView = obj({
  id: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  online: z.boolean(),
  last_seen_at: nullableInstant,
  battery: z.number().int().nullable(),
  charging: z.boolean().nullable(),
  app_version: z.string().nullable(),
  sim_cards: z.unknown(),
  notification_channel: z.enum(['AUTO', 'SSE_ONLY']),
  created_at: instant,
});
export const deviceRemoved = obj({ id: z.string(), removed: z.literal(true) });

export const webhookView = obj({
  id: z.number().int(),
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENTS)),
  enabled: z.boolean(),
  created_at: instant,
});
export const webhookCreated = webhookView.extend({ secret: z.string() });
export const webhookDeleted = obj({ id: z.number().int(), deleted: z.literal(true) });

export const deliveryView = obj({
  id: z.number().int(),
  event: z.string(),
  status: z.enum(['pending', 'delivering', 'delivered', 'failed']),
  attempts: z.number().int(),
  last_status_code: z.number().int().nullable(),
  last_error: z.string().nullable(),
  next_attempt_at: nullableInstant,
  created_at: instant,
  delivered_at: nullableInstant,
  payload: z.unknown(),
});

export const gatewayCredentials = obj({
  login: z.string(),
  password: z.string(),
  mobile_api_url: z.string(),
  third_party_api_url: z.string(),
});
export const pairingCode = obj({ code: z.string(), valid_until: instant });
export const pairingToken = obj({ token: z.string(), created_at: instant });

export const otpRequested = obj({ phone: z.string(), message_id: z.string(), expires_at: instant });
export const otpVerified = obj({ verified: z.boolean(), attempts_left: z.number().int() });
