import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { NotificationsList } from '@/components/notifications-list';
import { requireRole } from '@/lib/auth/session';
import { getFormat } from '@/lib/i18n/server';
import { listNotifications } from '@/lib/notifications/inbox';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('notifications'))('title') };
}

export default async function NotificationsPage() {
  const { db, actor } = await requireRole('client');
  const [list, f, t] = await Promise.all([listNotifications(db, actor), getFormat(), getTranslations('notifications')]);
  return (
    <>
      <NotificationsList unread={list.unread} items={list.data.map((n) => ({ ...n, when: f.dateTime(n.created_at) }))} />
      {/* Channel choices live on the account page (issue 16: "each user chooses channels in its account page"). */}
      <p className="mt-6 text-sm text-slate-600">
        <Link href="/client/account" className="text-brand-700 hover:underline" data-testid="channels-link">
          {t('chooseChannels')}
        </Link>
      </p>
    </>
  );
}
