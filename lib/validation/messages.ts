import { z } from 'zod';
import { MESSAGE_STATES } from '@/db/schema/messaging';
import { isoDate, pagination } from './common';

/** A recipient: international format, digits only after an optional +, 6-15 digits; spaces and dashes dropped. */
export const recipient = z
  .string({ error: 'A phone number is required.' })
  .transform((v) => v.replace(/[\s\-().]/g, ''))
  .pipe(z.string().regex(/^\+?[0-9]{6,15}$/, 'Enter phone numbers in international format, e.g. +959123456789.'));

export const messageText = z
  .string({ error: 'The message is required.' })
  .min(1, 'The message is required.')
  .max(1600, 'A message is at most 1,600 characters.')
  .refine((v) => v.trim().length > 0, 'The message is required.');

const validUntil = z.iso.datetime({ offset: true, error: 'valid_until is an ISO 8601 date-time.' });

export const sendSmsInput = z
  .object({
    phone: recipient.optional(),
    phones: z.array(recipient).min(1, 'Give at least one phone number.').max(100, 'At most 100 recipients per request.').optional(),
    message: messageText,
    device_id: z.string().trim().min(1).max(36).optional(),
    valid_until: validUntil.optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.phone && !v.phones) ctx.addIssue({ code: 'custom', path: ['phones'], message: 'Give phone or phones.' });
    if (v.phone && v.phones) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Give phone or phones, not both.' });
    const list = v.phones ?? [];
    if (new Set(list).size !== list.length) ctx.addIssue({ code: 'custom', path: ['phones'], message: 'Each phone number once.' });
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
