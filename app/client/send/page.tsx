import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SendForm } from '@/components/client/send-form';
import { Card, Notice, PageHeader, StatCard } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { getFormat } from '@/lib/i18n/server';
import { clientHome } from '@/lib/services/client-portal';
import { listDevices } from '@/lib/services/devices';
import { getSettings } from '@/lib/services/settings';
import { sendSmsAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('client.send'))('title') };
}

export default async function SendPage() {
  const { db, actor } = await requireRole('client');
  const [{ client, reseller }, devices, settings] = await Promise.all([clientHome(db, actor), listDevices(db, actor), getSettings(db)]);
  const u = client.usage;
  const leftToday = Math.max(0, u.daily_limit - u.today);
  const leftPeriod = Math.max(0, u.period_limit - u.period);
  const blocked = client.status === 'expired' || client.status === 'suspended';
  const usable = devices.filter((d) => d.enabled);
  const [t, f] = await Promise.all([getTranslations('client.send'), getFormat()]);
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <div className="mb-5 grid grid-cols-2 gap-3">
        <StatCard
          label={t('leftToday')}
          value={f.number(leftToday)}
          hint={t('used', { used: f.number(u.today), limit: f.number(u.daily_limit) })}
          testId="quota-today"
        />
        <StatCard
          label={t('leftPeriod')}
          value={f.number(leftPeriod)}
          hint={t('used', { used: f.number(u.period), limit: f.number(u.period_limit) })}
          testId="quota-period"
        />
      </div>
      <div className="grid gap-5 [&>*]:min-w-0 lg:grid-cols-3">
        <Card title={t('newMessage')} className="lg:col-span-2">
          {blocked && (
            <div className="mb-4">
              <Notice tone="error">{client.status === 'expired' ? t('expired', { reseller: reseller.name }) : t('suspended')}</Notice>
            </div>
          )}
          {!blocked && !usable.length && (
            <div className="mb-4" data-testid="no-device-warning">
              <Notice tone="error">{t('noDeviceWarning', { minutes: settings.default_validity_minutes })}</Notice>
            </div>
          )}
          <SendForm
            action={sendSmsAction}
            devices={usable.map((d) => ({ id: d.id, name: d.name, online: d.online }))}
            remaining={Math.min(leftToday, leftPeriod)}
          />
        </Card>
        <Card title={t('goodToKnow')}>
          <ul className="list-disc space-y-2 pl-5 text-sm text-slate-600">
            <li>{t('tipQuota')}</li>
            <li>{t('tipGsm')}</li>
            <li>{t('tipUnicode')}</li>
            <li>
              {usable.length ? t('tipOnline', { online: usable.filter((d) => d.online).length, total: usable.length }) : t('tipNoDevice')}
            </li>
            <li>{t('tipExpire', { minutes: settings.default_validity_minutes })}</li>
          </ul>
        </Card>
      </div>
    </>
  );
}
