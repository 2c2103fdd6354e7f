import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/action-form';
import { Card, PageHeader } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { getSettings } from '@/lib/services/settings';
import { createClientAction } from '../../actions';

/** An example of a code, not a word: the same in every language. */
const COUNTRY_EXAMPLE = 'MM';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reseller.newClient'))('title') };
}

export default async function NewClientPage() {
  const { db } = await requireRole('reseller');
  const [settings, t, tf] = await Promise.all([
    getSettings(db),
    getTranslations('reseller.newClient'),
    getTranslations('reseller.clientFields'),
  ]);
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle', { days: settings.default_trial_days })} />
      <Card>
        <ActionForm
          action={createClientAction}
          submitLabel={t('submit')}
          testId="create-client-form"
          fields={[
            { name: 'name', label: tf('name'), required: true },
            { name: 'account_name', label: tf('accountName') },
            { name: 'email', label: tf('email'), type: 'email', required: true },
            { name: 'password', label: tf('password'), type: 'password', required: true, autoComplete: 'new-password' },
            { name: 'phone', label: tf('phone'), type: 'tel', placeholder: '+95 9 123 456 789' },
            { name: 'country', label: tf('country'), placeholder: COUNTRY_EXAMPLE, defaultValue: 'MM' },
            { name: 'time_zone', label: tf('timeZone'), defaultValue: 'Asia/Yangon' },
            { name: 'trial_days', label: tf('trialDays'), type: 'number', defaultValue: String(settings.default_trial_days) },
          ]}
        />
      </Card>
    </>
  );
}
