import { z } from 'zod';
import { CHANNELS, EVENTS } from '@/lib/notifications/events';
import { instant, nullableInstant, obj } from './responses/common';

export const markReadInput = z
  .object({ ids: z.array(z.number().int().positive()).max(500).optional().describe('Notices to mark read; absent: all of them') })
  .strict();

export const notificationView = obj({
  id: z.number().int(),
  event: z.enum(EVENTS),
  title: z.string(),
  body: z.string(),
  read_at: nullableInstant,
  created_at: instant,
});

export const notificationList = obj({ unread: z.number().int(), data: z.array(notificationView) });
export const unreadCount = obj({ unread: z.number().int() });

export const prefsInput = z.object({ event: z.enum(EVENTS), channel: z.enum(CHANNELS), enabled: z.boolean() });
