import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ChangePasswordCard, PasswordChangedNotice } from '@/components/change-password-card';
import { ChannelChoices } from '@/components/channel-choices';
import { Card, DetailList, PageHeader, StatusBadge } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { getFormat } from '@/lib/i18n/server';
import { channelChoices } from '@/lib/notifications/inbox';
import { mailEnabled } from '@/lib/notifications/mail';
import { displayPhone, phoneCountry } from '@/lib/phone';
import { clientHome } from '@/lib/services/client-portal';
import { getSettings } from '@/lib/services/settings';
import { changePasswordAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('client.account'))('title') };
}

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ password_changed?: string }> }) {
  const changed = (await searchParams).password_changed === '1';
  const { db, actor } = await requireRole('client');
  const [{ client, reseller, package_display_name }, settings, channels] = await Promise.all([
    clientHome(db, actor),
    getSettings(db),
    channelChoices(db, actor),
  ]);
  const [t, f] = await Promise.all([getTranslations('client.account'), getFormat(settings.time_zone)]);
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      {changed && <PasswordChangedNotice />}
      <div className="grid gap-5 [&>*]:min-w-0 lg:grid-cols-2">
        <Card title={t('profile')}>
          <DetailList
            items={[
              [t('name'), client.name],
              [t('email'), client.email],
              [t('phone'), displayPhone(client.phone, phoneCountry(client.country, settings.default_country)) || '—'],
              [t('company'), client.account_name ?? '—'],
              [t('status'), <StatusBadge key="s" status={client.status} />],
              [t('package'), package_display_name ?? (client.status === 'trial' ? t('freeTrial') : '—')],
              [t('credit'), f.money(client.credit_balance, settings.currency)],
              [t('memberSince'), f.date(client.created_at)],
            ]}
          />
        </Card>
        <Card title={t('provider')}>
          <DetailList
            items={[
              [t('reseller'), reseller.name],
              [
                t('email'),
                <a key="e" className="text-brand-700 hover:underline" href={`mailto:${reseller.email}`}>
                  {reseller.email}
                </a>,
              ],
              [t('phone'), displayPhone(reseller.phone, phoneCountry(client.country, settings.default_country))],
            ]}
          />
          <p className="mt-4 text-sm text-slate-600">{t('contact', { reseller: reseller.name })}</p>
        </Card>
        <ChangePasswordCard action={changePasswordAction} className="lg:col-span-2" />
      </div>
      <ChannelChoices rows={channels} emailOn={mailEnabled()} />
    </>
  );
}
