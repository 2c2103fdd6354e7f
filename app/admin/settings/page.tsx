import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/action-form';
import { DataList } from '@/components/data-list';
import { Card, PageHeader } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { getFormat } from '@/lib/i18n/server';
import { mailConfig, outboxLog } from '@/lib/notifications/mail';
import { listAdmins } from '@/lib/services/admins';
import { busyRateLimits } from '@/lib/services/rate-limits';
import { getSettings } from '@/lib/services/settings';
import { createAdminAction, updateSettingsAction } from './actions';
import { AdminsTable } from './admins-table';

/** Configuration shown as code (not interface text): the variables that turn e-mail on. */
const MAIL_ENV = 'SMTP_URL, MAIL_FROM';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.settings'))('title') };
}

/** The language names are written in their own language, as the switcher shows them. */
const LANGUAGE_OPTIONS = [
  { value: 'my', label: 'မြန်မာ' },
  { value: 'en', label: 'English' },
];

function timeZoneOptions(current: string) {
  const zones = Intl.supportedValuesOf('timeZone');
  if (!zones.includes(current)) zones.unshift(current);
  return zones.map((z) => ({ value: z, label: z.replace(/_/g, ' ') }));
}

export default async function SettingsPage() {
  const { db, actor } = await requireRole('admin');
  const [settings, admins, limits, t, f] = await Promise.all([
    getSettings(db),
    listAdmins(db, actor),
    busyRateLimits(db, actor),
    getTranslations('admin.settings'),
    getFormat(),
  ]);
  const [mails, tn] = await Promise.all([outboxLog(db, 20), getTranslations('notifications')]);
  const mail = mailConfig();
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Card title={tn('mailTitle')}>
        <div data-testid="mail-status" className="space-y-1 text-sm">
          {mail ? (
            <p>{tn('emailOn', { from: mail.from })}</p>
          ) : (
            <p className="rounded-lg bg-amber-50 px-3 py-2 text-amber-800">
              {tn('emailOffAdmin')} <code translate="no">{MAIL_ENV}</code>
            </p>
          )}
          <p>{tn('smsSender', { id: settings.notice_sms_client_id ? String(settings.notice_sms_client_id) : '—' })}</p>
        </div>
        {mails.length > 0 && (
          // A list, not a table: an address or an SMTP error is one long word, and on a phone a table row would
          // push the whole page sideways. Each entry wraps inside the card instead.
          <ul className="mt-3 divide-y divide-slate-100 text-xs" data-testid="mail-log">
            {mails.map((m) => (
              <li key={m.id} className="flex min-w-0 flex-wrap gap-x-3 gap-y-0.5 py-1">
                <span>{f.dateTime(m.createdAt)}</span>
                <span translate="no">{m.kind}</span>
                <span translate="no" className="min-w-0 break-all">
                  {m.to}
                </span>
                <span>{tn(`mailState.${m.state}`)}</span>
                <span>{m.attempts}</span>
                {m.lastError && (
                  <span translate="no" className="w-full min-w-0 break-all text-red-700">
                    {m.lastError}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={t('platform')}>
        <ActionForm
          action={updateSettingsAction}
          submitLabel={t('save')}
          testId="settings-form"
          fields={[
            { name: 'platform_name', label: t('platformName'), required: true, defaultValue: settings.platform_name },
            {
              name: 'base_domain',
              label: t('baseDomain'),
              required: true,
              defaultValue: settings.base_domain,
              hint: t('baseDomainHint'),
            },
            {
              name: 'default_trial_days',
              label: t('trialDays'),
              type: 'number',
              required: true,
              defaultValue: String(settings.default_trial_days),
              hint: t('trialDaysHint'),
            },
            {
              name: 'trial_device_limit',
              label: t('trialDevices'),
              type: 'number',
              required: true,
              defaultValue: String(settings.trial_device_limit),
            },
            {
              name: 'trial_daily_limit',
              label: t('trialDaily'),
              type: 'number',
              required: true,
              defaultValue: String(settings.trial_daily_limit),
            },
            {
              name: 'trial_period_limit',
              label: t('trialPeriod'),
              type: 'number',
              required: true,
              defaultValue: String(settings.trial_period_limit),
            },
            { name: 'currency', label: t('currency'), required: true, defaultValue: settings.currency, hint: t('currencyHint') },
            {
              name: 'time_zone',
              label: t('timeZone'),
              type: 'select',
              required: true,
              defaultValue: settings.time_zone,
              options: timeZoneOptions(settings.time_zone),
            },
            {
              name: 'default_country',
              label: t('country'),
              required: true,
              defaultValue: settings.default_country,
              hint: t('countryHint'),
            },
            {
              name: 'default_language',
              label: t('language'),
              type: 'select',
              required: true,
              defaultValue: settings.default_language,
              hint: t('languageHint'),
              options: LANGUAGE_OPTIONS,
            },
            {
              name: 'large_topup_threshold',
              label: t('threshold'),
              type: 'number',
              required: true,
              defaultValue: String(settings.large_topup_threshold),
              hint: t('thresholdHint'),
            },
            {
              name: 'default_validity_minutes',
              label: t('validity'),
              type: 'number',
              required: true,
              defaultValue: String(settings.default_validity_minutes),
              hint: t('validityHint'),
            },
            {
              name: 'notice_sms_client_id',
              label: t('noticeClient'),
              type: 'number',
              required: true,
              defaultValue: String(settings.notice_sms_client_id),
              hint: t('noticeClientHint'),
            },
            {
              name: 'message_retention_months',
              label: t('retention'),
              type: 'number',
              required: true,
              defaultValue: String(settings.message_retention_months),
              hint: t('retentionHint'),
            },
          ]}
        />
      </Card>
      <div className="mt-5 grid gap-5 lg:grid-cols-5">
        <Card title={t('admins')} className="lg:col-span-3">
          <AdminsTable admins={admins} selfId={actor.userId} />
        </Card>
        <Card title={t('addAdmin')} className="lg:col-span-2">
          <ActionForm
            action={createAdminAction}
            columns={1}
            submitLabel={t('createAdmin')}
            testId="create-admin-form"
            fields={[
              { name: 'name', label: t('name'), required: true, autoComplete: 'off' },
              { name: 'email', label: t('email'), type: 'email', required: true, autoComplete: 'off' },
              {
                name: 'password',
                label: t('password'),
                type: 'password',
                required: true,
                autoComplete: 'new-password',
                hint: t('passwordHint'),
              },
            ]}
          />
        </Card>
      </div>
      <Card title={t('rateLimits')} className="mt-5">
        <p className="mb-3 text-sm text-slate-600">{t('rateLimitsNote')}</p>
        <DataList
          rows={limits}
          rowKey={(l) => l.bucket}
          testId="rate-limits"
          caption={t('rateLimitsCaption')}
          empty={{ title: t('nobodyNear') }}
          columns={[
            { key: 'bucket', header: t('bucket'), cell: (l) => <span className="break-all font-mono text-xs">{l.bucket}</span> },
            {
              key: 'count',
              header: t('count'),
              align: 'right',
              cell: (l) => (
                <span className={l.blocked ? 'font-semibold text-red-700' : ''}>
                  {f.number(l.count)} / {f.number(l.limit)}
                </span>
              ),
            },
            { key: 'window', header: t('window'), className: 'whitespace-nowrap', cell: (l) => f.dateTime(l.window_start) },
          ]}
        />
      </Card>
    </>
  );
}
