// Answers of opt-out, keywords and inbox endpoints (docs/engagement.md).
import { z } from 'zod';
import { instant, obj } from './common';

export const blockedView = obj({
  phone: z.string().describe('E.164'),
  source: z.enum(['stop_word', 'manual']).describe('stop_word: the number replied with a stop word; manual: added by the client'),
  created_at: instant,
});

export const blocklistAdded = obj({
  added: z.array(z.string()).describe('Numbers put on the blocklist'),
  already: z.array(z.string()).describe('Numbers that were on it already'),
});

export const blocklistRemoved = obj({ phone: z.string(), deleted: z.literal(true) });

export const stopWordsView = obj({
  builtin: z.array(z.string()).describe('The platform stop words (STOP, UNSUBSCRIBE, ရပ်, …): always on'),
  own: z.array(z.string()).describe("The client's own"),
});

export const keywordView = obj({
  id: z.number().int(),
  keyword: z.string(),
  reply: z.string().nullable(),
  group_id: z.number().int().nullable(),
  created_at: instant,
  updated_at: instant,
});

export const keywordList = obj({
  data: z.array(keywordView),
  limit: z.number().int().describe('How many keywords the provider allows (0: keywords are off)'),
});

export const inboxThread = obj({
  phone: z.string().describe('The number as the phone reported it'),
  last_message: z.string(),
  last_direction: z.enum(['in', 'out']),
  last_at: instant,
  unread: z.number().int(),
  device_id: z.string().nullable().describe('The phone that received the latest SMS (replies go through it)'),
});

export const inboxMessage = obj({
  id: z.string(),
  direction: z.enum(['in', 'out']),
  message: z.string(),
  unicode: z.string().nullable().describe('The Unicode reading of a Zawgyi message, else null'),
  state: z.string().nullable().describe('Outbound: the recipient state'),
  device_id: z.string().nullable(),
  at: instant,
});

export const inboxReplyView = obj({ id: z.string(), phone: z.string(), device_id: z.string(), state: z.string() });

export const clientEngagementView = obj({
  keyword_limit: z.number().int().describe('0: keywords are off'),
  keywords: z.number().int(),
  campaigns: z.number().int(),
  inbound: z.number().int().describe('SMS received'),
  opted_out: z.number().int().describe('Numbers on the blocklist'),
});

export const inboxConversation = obj({ phone: z.string(), data: z.array(inboxMessage) });
