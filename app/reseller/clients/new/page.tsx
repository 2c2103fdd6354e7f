import type { Metadata } from 'next';
import { ActionForm } from '@/components/action-form';
import { Card, PageHeader } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { getSettings } from '@/lib/services/settings';
import { createClientAction } from '../../actions';

export const metadata: Metadata = { title: 'New client' };

export default async function NewClientPage() {
  const { db } = await requireRole('reseller');
  const settings = await getSettings(db);
  return (
    <>
      <PageHeader
        title="New client"
        subtitle={`The client starts with a ${settings.default_trial_days}-day free trial unless you choose otherwise.`}
      />
      <Card>
        <ActionForm
          action={createClientAction}
          submitLabel="Create client"
          testId="create-client-form"
          fields={[
            { name: 'name', label: 'Contact name', required: true },
            { name: 'account_name', label: 'Account / company name' },
            { name: 'email', label: 'Login email', type: 'email', required: true },
            { name: 'password', label: 'Password (min 6)', type: 'password', required: true, autoComplete: 'new-password' },
            { name: 'phone', label: 'Mobile (with country code)', type: 'tel', placeholder: '+95 9 123 456 789' },
            { name: 'country', label: 'Country code', placeholder: 'MM', defaultValue: 'MM' },
            { name: 'time_zone', label: 'Time zone', defaultValue: 'Asia/Yangon' },
            { name: 'trial_days', label: 'Trial days (0–30)', type: 'number', defaultValue: String(settings.default_trial_days) },
          ]}
        />
      </Card>
    </>
  );
}
