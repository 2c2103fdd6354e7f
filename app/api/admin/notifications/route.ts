// GET /api/admin/notifications — the caller's latest notices (50), in its language, with the unread count
import { api } from '@/lib/http/families';
import { listNotifications } from '@/lib/notifications/inbox';
import { notificationList } from '@/lib/validation/notifications';

export const GET = api({ summary: 'My notifications', auth: 'admin', response: notificationList }, ({ db, actor }) =>
  listNotifications(db, actor),
);
