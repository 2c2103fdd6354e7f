import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ChangePasswordCard, PasswordChangedNotice } from '@/components/change-password-card';
import { ChannelChoices } from '@/components/channel-choices';
import { Card, DetailList, PageHeader } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { channelChoices } from '@/lib/notifications/inbox';
import { mailEnabled } from '@/lib/notifications/mail';
import { changePasswordAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('title') };
}

// The reseller's own account: who is signed in, and how it hears about each event (issue 16).
export default async function AccountPage({ searchParams }: { searchParams: Promise<{ password_changed?: string }> }) {
  const changed = (await searchParams).password_changed === '1';
  const { db, actor, name, email } = await requireRole('reseller');
  const [t, rows] = await Promise.all([getTranslations('account'), channelChoices(db, actor)]);
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      {changed && <PasswordChangedNotice />}
      <div className="grid gap-5 [&>*]:min-w-0 lg:grid-cols-2">
        <Card title={t('profile')}>
          <DetailList
            items={[
              [t('name'), name],
              [t('email'), email],
            ]}
          />
        </Card>
        <ChangePasswordCard action={changePasswordAction} />
      </div>
      <ChannelChoices rows={rows} emailOn={mailEnabled()} />
    </>
  );
}
