// Requests of opt-out, keywords and the inbox (docs/engagement.md). Shared by the API, the portal's server
// actions and the OpenAPI document.
import { z } from 'zod';
import { idParam, pagination, phone } from './common';

export const blocklistQuery = pagination.extend({
  /** Part of a number (any format). */
  search: z.string().trim().max(100).optional(),
});

export const blocklistAdd = z
  .object({
    phone: phone.optional(),
    phones: z.array(phone).min(1).max(1000, 'At most 1,000 numbers at once.').optional(),
  })
  .strict()
  .refine((b) => b.phone || b.phones, { message: 'Give phone or phones.', path: ['phone'] });

export const blocklistRemove = z.object({ phone }).strict();

/** A stop word or a keyword: one word or a short phrase, any script (Burmese too). */
const word = z
  .string({ error: 'Enter a word.' })
  .trim()
  .min(1, 'Enter a word.')
  .max(40, 'At most 40 characters.')
  .refine((w) => !/[\r\n\t]/.test(w), 'One line only.');

export const stopWordInput = z.object({ word }).strict();

export const keywordInput = z
  .object({
    keyword: word,
    reply: z.string().trim().max(1000, 'At most 1,000 characters.').nullable().optional(),
    group_id: idParam.nullable().optional(),
  })
  .strict();
export type KeywordInput = z.infer<typeof keywordInput>;
export const keywordUpdate = keywordInput.partial().strict();
export type KeywordUpdate = z.infer<typeof keywordUpdate>;

export const keywordLimitInput = z
  .object({ keyword_limit: z.coerce.number().int().min(0, 'At least 0 (0: keywords off).').max(1000, 'At most 1,000.') })
  .strict();

export const inboxQuery = pagination.extend({
  /** Part of the number or of the text. */
  search: z.string().trim().max(100).optional(),
  unread: z.enum(['true', 'false']).optional(),
});

export const inboxReply = z
  .object({ message: z.string({ error: 'Enter a message.' }).trim().min(1, 'Enter a message.').max(1600, 'At most 1,600 characters.') })
  .strict();
