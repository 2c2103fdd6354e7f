import type { Metadata } from 'next';
import { ActionForm } from '@/components/action-form';
import { Card, DetailList, Notice, PageHeader, StatusBadge } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { formatDate, formatMoney } from '@/lib/format';
import { displayPhone, phoneCountry } from '@/lib/phone';
import { clientHome } from '@/lib/services/client-portal';
import { getSettings } from '@/lib/services/settings';
import { changePasswordAction } from './actions';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ password_changed?: string }> }) {
  const changed = (await searchParams).password_changed === '1';
  const { db, actor } = await requireRole('client');
  const [{ client, reseller, package_display_name }, settings] = await Promise.all([clientHome(db, actor), getSettings(db)]);
  return (
    <>
      <PageHeader title="Account" subtitle="Your profile, your provider and your password." />
      {changed && (
        <div className="mb-5" data-testid="password-changed">
          <Notice tone="success">Password changed. Other devices and browsers have been signed out.</Notice>
        </div>
      )}
      <div className="grid gap-5 [&>*]:min-w-0 lg:grid-cols-2">
        <Card title="Profile">
          <DetailList
            items={[
              ['Name', client.name],
              ['Email', client.email],
              ['Phone', displayPhone(client.phone, phoneCountry(client.country, settings.default_country)) || '—'],
              ['Company', client.account_name ?? '—'],
              ['Status', <StatusBadge key="s" status={client.status} />],
              ['Package', package_display_name ?? (client.status === 'trial' ? 'Free trial' : '—')],
              ['Credit balance', formatMoney(client.credit_balance, settings.currency)],
              ['Member since', formatDate(client.created_at, settings.time_zone)],
            ]}
          />
        </Card>
        <Card title="Your provider">
          <DetailList
            items={[
              ['Reseller', reseller.name],
              [
                'Email',
                <a key="e" className="text-brand-700 hover:underline" href={`mailto:${reseller.email}`}>
                  {reseller.email}
                </a>,
              ],
              ['Phone', displayPhone(reseller.phone, phoneCountry(client.country, settings.default_country))],
            ]}
          />
          <p className="mt-4 text-sm text-slate-600">Contact {reseller.name} to renew, change your package or raise your limits.</p>
        </Card>
        <Card title="Change password" className="lg:col-span-2">
          <div className="max-w-xl">
            <ActionForm
              action={changePasswordAction}
              testId="change-password-form"
              columns={1}
              submitLabel="Change password"
              fields={[
                { name: 'current_password', label: 'Current password', type: 'password', autoComplete: 'current-password', required: true },
                {
                  name: 'new_password',
                  label: 'New password',
                  type: 'password',
                  autoComplete: 'new-password',
                  required: true,
                  hint: 'At least 6 characters. Other sessions will be signed out.',
                },
                { name: 'confirm_password', label: 'Confirm new password', type: 'password', autoComplete: 'new-password', required: true },
              ]}
            />
          </div>
        </Card>
      </div>
    </>
  );
}
