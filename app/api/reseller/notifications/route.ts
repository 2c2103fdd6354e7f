// GET /api/reseller/notifications — the caller's latest notices (50), in its language, with the unread count
import { api } from '@/lib/http/families';
import { listNotifications } from '@/lib/notifications/inbox';
import { notificationList } from '@/lib/validation/notifications';

export const GET = api({ summary: 'My notifications', auth: 'reseller', response: notificationList }, ({ db, actor }) =>
  listNotifications(db, actor),
);
