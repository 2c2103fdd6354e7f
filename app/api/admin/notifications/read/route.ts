// POST /api/admin/notifications/read {ids?} — marks notices read (all when ids is absent)
import { api } from '@/lib/http/families';
import { markRead } from '@/lib/notifications/inbox';
import { markReadInput, unreadCount } from '@/lib/validation/notifications';

export const POST = api(
  { summary: 'Mark my notifications read', auth: 'admin', body: markReadInput, response: unreadCount },
  ({ db, actor, body }) => markRead(db, actor, body.ids),
);
