import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ChannelChoices } from '@/components/channel-choices';
import { NotificationsList } from '@/components/notifications-list';
import { requireRole } from '@/lib/auth/session';
import { getFormat } from '@/lib/i18n/server';
import { channelChoices, listNotifications } from '@/lib/notifications/inbox';
import { mailEnabled } from '@/lib/notifications/mail';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('notifications'))('title') };
}

export default async function NotificationsPage() {
  const { db, actor } = await requireRole('reseller');
  const [list, f, rows] = await Promise.all([listNotifications(db, actor), getFormat(), channelChoices(db, actor)]);
  return (
    <>
      <NotificationsList unread={list.unread} items={list.data.map((n) => ({ ...n, when: f.dateTime(n.created_at) }))} />
      <ChannelChoices rows={rows} emailOn={mailEnabled()} />
    </>
  );
}
