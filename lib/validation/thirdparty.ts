import { z } from 'zod';
import { isoInstant } from './common';
import { messageText } from './messages';

/** The app server's scopes (client-go JWTScope); `all:any` grants everything. */
export const GATEWAY_SCOPES = [
  'all:any',
  'devices:list',
  'devices:delete',
  'inbox:list',
  'inbox:refresh',
  'logs:read',
  'messages:send',
  'messages:read',
  'messages:list',
  'messages:cancel',
  'messages:export',
  'settings:read',
  'settings:write',
  'tokens:manage',
  'webhooks:list',
  'webhooks:write',
  'webhooks:delete',
] as const;
export type GatewayScope = (typeof GATEWAY_SCOPES)[number];

/** The 3rd-party API's message (client libraries of SMS Gateway for Android send this). */
export const thirdPartyMessage = z
  .object({
    id: z
      .string()
      .trim()
      .min(1)
      .max(36)
      .regex(/^[A-Za-z0-9_-]+$/, 'id may hold letters, digits, _ and -.')
      .optional(),
    // An empty deviceId means any device, as in the app's own server.
    deviceId: z
      .string()
      .max(21)
      .nullish()
      .transform((v) => v || undefined),
    message: messageText.optional(),
    textMessage: z.object({ text: messageText }).optional(),
    dataMessage: z.unknown().optional(),
    phoneNumbers: z
      .array(z.string().min(1).max(32))
      .min(1, 'phoneNumbers needs at least one number.')
      .max(100, 'At most 100 phoneNumbers.'),
    isEncrypted: z.boolean().optional(),
    simNumber: z.number().int().min(1).max(3).nullish(),
    withDeliveryReport: z.boolean().optional(),
    priority: z.number().int().min(-128).max(127).optional(),
    // Seconds; at most the 7 days a message may wait for a phone.
    ttl: z.number().int().min(5).max(604_800, 'ttl is at most 604800 seconds (7 days).').nullish(),
    validUntil: isoInstant().nullish(),
    scheduleAt: isoInstant().nullish(),
  })
  .loose()
  .superRefine((v, ctx) => {
    if (v.dataMessage !== undefined)
      ctx.addIssue({ code: 'custom', path: ['dataMessage'], message: 'Data SMS are not supported; send a text message.' });
    if (v.scheduleAt) ctx.addIssue({ code: 'custom', path: ['scheduleAt'], message: 'Scheduled messages are not supported.' });
    if (!v.message && !v.textMessage) ctx.addIssue({ code: 'custom', path: ['textMessage'], message: 'Send message or textMessage.' });
    if (v.ttl && v.validUntil) ctx.addIssue({ code: 'custom', path: ['ttl'], message: 'Send ttl or validUntil, not both.' });
    if (new Set(v.phoneNumbers).size !== v.phoneNumbers.length)
      ctx.addIssue({ code: 'custom', path: ['phoneNumbers'], message: 'phoneNumbers must be unique.' });
  });

// As the app server's list: limit clamped to 1..100 (not refused), sort per JSON:API, content only on request.
export const thirdPartyList = z.object({
  from: isoInstant().optional(),
  to: isoInstant().optional(),
  state: z.enum(['Pending', 'Processed', 'Sent', 'Delivered', 'Failed', 'Cancelling', 'Cancelled']).optional(),
  deviceId: z.string().max(21).optional(),
  limit: z.coerce
    .number()
    .int()
    .transform((n) => Math.min(100, Math.max(1, n)))
    .default(50),
  offset: z.coerce
    .number()
    .int()
    .transform((n) => Math.max(0, n))
    .pipe(z.number().max(1_000_000))
    .default(0),
  sort: z.enum(['created_at', '-created_at'], { error: 'sort is created_at or -created_at.' }).default('-created_at'),
  includeContent: z
    .enum(['true', 'false'], { error: 'includeContent is true or false.' })
    .transform((v) => v === 'true')
    .default(false),
});

/** `?deviceActiveWithin=<hours>` on a send: only a device seen within that many hours may take it. */
export const thirdPartySendQuery = z.object({
  skipPhoneValidation: z.enum(['true', 'false']).optional(),
  deviceActiveWithin: z.coerce.number().int().min(0).max(100_000).optional(),
});

/** POST /auth/token (the app server's TokenRequest): at least one known scope; ttl in seconds (0: default). */
export const tokenRequest = z.object({
  scopes: z.array(z.enum(GATEWAY_SCOPES, { error: `Scopes are ${GATEWAY_SCOPES.join(', ')}.` })).min(1, 'scopes are required.'),
  ttl: z.number().int().min(0, 'ttl is positive.').max(Number.MAX_SAFE_INTEGER).optional(),
});

/** The app's webhook events (client-go WebhookEventTypes). */
export const APP_WEBHOOK_EVENTS = [
  'sms:received',
  'sms:data-received',
  'sms:sent',
  'sms:delivered',
  'sms:failed',
  'system:ping',
  'mms:received',
  'mms:downloaded',
  'app:started',
] as const;

/** POST /webhooks: the app server's Webhook. */
export const appWebhookInput = z.object({
  id: z
    .string()
    .trim()
    .min(1)
    .max(36)
    .regex(/^[A-Za-z0-9_-]+$/, 'id may hold letters, digits, _ and -.')
    .optional(),
  deviceId: z.string().max(21).nullish(),
  url: z.url({ protocol: /^https$/, error: 'An https:// URL.' }).max(500),
  event: z.enum(APP_WEBHOOK_EVENTS, { error: `event is one of ${APP_WEBHOOK_EVENTS.join(', ')}.` }),
});
