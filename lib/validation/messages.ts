import { z } from 'zod';
import { MESSAGE_STATES } from '@/db/schema/messaging';
import { isoDate, isoInstant, pagination } from './common';

/**
 * A recipient as typed (`09 420 000 202`, `+95 9 420 000 202`). Only its shape is checked here: the send
 * services parse it with libphonenumber in the client's country (lib/services/recipients.ts) and refuse an
 * invalid or repeated number with its position.
 */
export const recipient = z
  .string({ error: 'A phone number is required.' })
  .trim()
  .min(1, 'A phone number is required.')
  .max(40, 'A phone number is at most 40 characters.');

export const messageText = z
  .string({ error: 'The message is required.' })
  .min(1, 'The message is required.')
  .max(1600, 'A message is at most 1,600 characters.')
  .refine((v) => v.trim().length > 0, 'The message is required.');

const validUntil = isoInstant('valid_until is an ISO 8601 date-time.');

export const sendSmsInput = z
  .object({
    phone: recipient.optional(),
    phones: z.array(recipient).min(1, 'Give at least one phone number.').max(10_000, 'At most 10,000 recipients per request.').optional(),
    message: messageText,
    device_id: z.string().trim().min(1).max(36).optional(),
    valid_until: validUntil.optional(),
    /** Send text that looks like Zawgyi as typed (otherwise it is converted to Unicode: docs/zawgyi.md). */
    keep_encoding: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.phone && !v.phones) ctx.addIssue({ code: 'custom', path: ['phones'], message: 'Give phone or phones.' });
    if (v.phone && v.phones) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Give phone or phones, not both.' });
  });
export type SendSmsInput = z.infer<typeof sendSmsInput>;

export const listMessagesQuery = pagination.extend({
  status: z.enum(MESSAGE_STATES).optional(),
  phone: z.string().trim().max(32).optional(),
  search: z.string().trim().max(100).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type ListMessagesQuery = z.infer<typeof listMessagesQuery>;

export const messageId = z
  .string()
  .trim()
  .min(1)
  .max(36)
  .regex(/^[A-Za-z0-9_-]+$/, 'Not a message id.');
