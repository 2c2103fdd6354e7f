import { z } from 'zod';
import { WEBHOOK_EVENTS } from '@/db/schema/messaging';
import { recipient } from './messages';

export const otpRequestInput = z.object({ phone: recipient });
export const otpVerifyInput = z.object({
  phone: recipient,
  code: z
    .string({ error: 'code is required.' })
    .trim()
    .regex(/^\d{6}$/, 'The code has 6 digits.'),
});

export const NOTIFICATION_CHANNELS = ['AUTO', 'SSE_ONLY'] as const;
export const deviceUpdateInput = z
  .object({
    name: z.string().trim().min(1, 'Name is required.').max(80),
    enabled: z.boolean(),
    // The app's notification channel (docs/device-protocol.md §5), sent to the phone with SettingsUpdated.
    notification_channel: z.enum(NOTIFICATION_CHANNELS, { error: 'AUTO or SSE_ONLY.' }),
  })
  .partial()
  .strict();

export const webhookInput = z.object({
  url: z.url({ protocol: /^https?$/, error: 'An http(s) URL.' }).max(500),
  events: z
    .array(z.enum(WEBHOOK_EVENTS, { error: `Events are ${WEBHOOK_EVENTS.join(', ')}.` }))
    .min(1, 'Choose at least one event.')
    .max(WEBHOOK_EVENTS.length),
});
export const webhookUpdateInput = webhookInput.partial().extend({ enabled: z.boolean().optional() }).strict();
