import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ChangePasswordCard, PasswordChangedNotice } from '@/components/change-password-card';
import { ChannelChoices } from '@/components/channel-choices';
import { Card, DetailList, PageHeader } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import type { FormState } from '@/lib/http/form-action';
import { channelChoices } from '@/lib/notifications/inbox';
import { mailEnabled } from '@/lib/notifications/mail';

export async function staffAccountMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('title') };
}

/**
 * The admin's and the reseller's own account page (the client's has its provider and package too): who is
 * signed in, the password form, and how they hear about each event (issue 16).
 */
export async function StaffAccount({
  portal,
  changed,
  action,
}: {
  portal: 'admin' | 'reseller';
  changed: boolean;
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
}) {
  const { db, actor, name, email } = await requireRole(portal);
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
        <ChangePasswordCard action={action} />
      </div>
      <ChannelChoices rows={rows} emailOn={mailEnabled()} />
    </>
  );
}
