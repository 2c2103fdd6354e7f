import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ChannelChoices } from '@/components/channel-choices';
import { Card, DetailList, PageHeader } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { channelChoices } from '@/lib/notifications/inbox';
import { mailEnabled } from '@/lib/notifications/mail';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('title') };
}

// The admin's own account: who is signed in, and how it hears about each event (issue 16).
export default async function AccountPage() {
  const { db, actor, name, email } = await requireRole('admin');
  const [t, rows] = await Promise.all([getTranslations('account'), channelChoices(db, actor)]);
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Card title={t('profile')}>
        <DetailList
          items={[
            [t('name'), name],
            [t('email'), email],
          ]}
        />
      </Card>
      <ChannelChoices rows={rows} emailOn={mailEnabled()} />
    </>
  );
}
