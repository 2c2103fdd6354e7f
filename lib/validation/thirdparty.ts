import { z } from 'zod';
import { isoInstant } from './common';
import { messageText } from './messages';

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

export const thirdPartyList = z.object({
  from: isoInstant().optional(),
  to: isoInstant().optional(),
  state: z.enum(['Pending', 'Processed', 'Sent', 'Delivered', 'Failed', 'Cancelling', 'Cancelled']).optional(),
  deviceId: z.string().max(21).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
