import type { Metadata } from 'next';
import { ActionForm } from '@/components/action-form';
import { DataList } from '@/components/data-list';
import { Card, PageHeader } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format';
import { listAdmins } from '@/lib/services/admins';
import { busyRateLimits } from '@/lib/services/rate-limits';
import { getSettings } from '@/lib/services/settings';
import { createAdminAction, updateSettingsAction } from './actions';
import { AdminsTable } from './admins-table';

export const metadata: Metadata = { title: 'Settings' };

function timeZoneOptions(current: string) {
  const zones = Intl.supportedValuesOf('timeZone');
  if (!zones.includes(current)) zones.unshift(current);
  return zones.map((z) => ({ value: z, label: z.replace(/_/g, ' ') }));
}

export default async function SettingsPage() {
  const { db, actor } = await requireRole('admin');
  const [settings, admins, limits] = await Promise.all([getSettings(db), listAdmins(db, actor), busyRateLimits(db, actor)]);
  return (
    <>
      <PageHeader title="Settings" subtitle="Platform-wide defaults and the people who run the platform." />
      <Card title="Platform">
        <ActionForm
          action={updateSettingsAction}
          submitLabel="Save settings"
          testId="settings-form"
          fields={[
            { name: 'platform_name', label: 'Platform name', required: true, defaultValue: settings.platform_name },
            {
              name: 'base_domain',
              label: 'Base domain',
              required: true,
              defaultValue: settings.base_domain,
              hint: 'Resellers log in at <subdomain>.<base domain>.',
            },
            {
              name: 'default_trial_days',
              label: 'Default trial (days)',
              type: 'number',
              required: true,
              defaultValue: String(settings.default_trial_days),
              hint: '0 to 30; resellers may choose per client.',
            },
            {
              name: 'trial_device_limit',
              label: 'Trial devices',
              type: 'number',
              required: true,
              defaultValue: String(settings.trial_device_limit),
            },
            {
              name: 'trial_daily_limit',
              label: 'Trial SMS per day',
              type: 'number',
              required: true,
              defaultValue: String(settings.trial_daily_limit),
            },
            {
              name: 'trial_period_limit',
              label: 'Trial SMS for the whole trial',
              type: 'number',
              required: true,
              defaultValue: String(settings.trial_period_limit),
            },
            { name: 'currency', label: 'Currency', required: true, defaultValue: settings.currency, hint: 'Three-letter code, e.g. MMK.' },
            {
              name: 'time_zone',
              label: 'Time zone',
              type: 'select',
              required: true,
              defaultValue: settings.time_zone,
              options: timeZoneOptions(settings.time_zone),
            },
            {
              name: 'default_country',
              label: 'Default phone country',
              required: true,
              defaultValue: settings.default_country,
              hint: 'Two letters, e.g. MM: numbers typed as 09 420 000 202 are read in this country unless a client has its own.',
            },
            {
              name: 'default_language',
              label: 'Default language',
              type: 'select',
              required: true,
              defaultValue: settings.default_language,
              hint: 'For visitors whose browser asks for neither English nor Burmese.',
              options: [
                { value: 'my', label: 'မြန်မာ' },
                { value: 'en', label: 'English' },
              ],
            },
            {
              name: 'large_topup_threshold',
              label: 'Confirm top-ups above (MMK)',
              type: 'number',
              required: true,
              defaultValue: String(settings.large_topup_threshold),
              hint: 'A larger top-up asks for a second confirmation in the portal.',
            },
            {
              name: 'default_validity_minutes',
              label: 'Message validity (minutes)',
              type: 'number',
              required: true,
              defaultValue: String(settings.default_validity_minutes),
              hint: 'How long a message waits for a phone when the sender sets no validity (1 to 10080).',
            },
          ]}
        />
      </Card>
      <div className="mt-5 grid gap-5 lg:grid-cols-5">
        <Card title="Admins" className="lg:col-span-3">
          <AdminsTable admins={admins} selfId={actor.userId} />
        </Card>
        <Card title="Add an admin" className="lg:col-span-2">
          <ActionForm
            action={createAdminAction}
            columns={1}
            submitLabel="Create admin"
            testId="create-admin-form"
            fields={[
              { name: 'name', label: 'Name', required: true, autoComplete: 'off' },
              { name: 'email', label: 'Email', type: 'email', required: true, autoComplete: 'off' },
              {
                name: 'password',
                label: 'Password',
                type: 'password',
                required: true,
                autoComplete: 'new-password',
                hint: 'At least 8 characters.',
              },
            ]}
          />
        </Card>
      </div>
      <Card title="Rate limits (last 15 minutes)" className="mt-5">
        <p className="mb-3 text-sm text-slate-600">
          Sign-in: 10 attempts per 15 minutes per email and per IP. API: 100 requests per minute per key (per-reseller override). Listed:
          buckets at 80 % of their limit or more.
        </p>
        <DataList
          rows={limits}
          rowKey={(l) => l.bucket}
          testId="rate-limits"
          caption="Rate limits"
          empty={{ title: 'Nobody is near a limit.' }}
          columns={[
            { key: 'bucket', header: 'Bucket', cell: (l) => <span className="break-all font-mono text-xs">{l.bucket}</span> },
            {
              key: 'count',
              header: 'Count',
              align: 'right',
              cell: (l) => (
                <span className={l.blocked ? 'font-semibold text-red-700' : ''}>
                  {l.count} / {l.limit}
                </span>
              ),
            },
            { key: 'window', header: 'Window', className: 'whitespace-nowrap', cell: (l) => formatDateTime(l.window_start) },
          ]}
        />
      </Card>
    </>
  );
}
