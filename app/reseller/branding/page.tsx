// /reseller/branding — what the reseller's clients see: login subdomain, brand name, colour, logo and
// support contact, with a live preview of the branded login card.
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/action-form';
import { BrandingForm } from '@/components/reseller/branding-form';
import { ClientLanguageForm } from '@/components/reseller/client-language-form';
import { Card, PageHeader } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { getBranding } from '@/lib/services/branding';
import { resellerClientLanguage } from '@/lib/services/language';
import { getNoticeSettings } from '@/lib/services/notice-settings';
import { resellerProfile } from '@/lib/services/resellers';
import { getSettings } from '@/lib/services/settings';
import { updateBrandingAction } from './actions';
import { setClientLanguageAction } from './language-actions';
import { updateNoticeSettingsAction } from './notice-actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reseller.branding'))('title') };
}

export default async function BrandingPage() {
  const { db, actor } = await requireRole('reseller');
  const [branding, profile, settings, clientLanguage, notice] = await Promise.all([
    getBranding(db, actor),
    resellerProfile(db, actor),
    getSettings(db),
    resellerClientLanguage(db, actor),
    getNoticeSettings(db, actor),
  ]);
  const t = await getTranslations('reseller.branding');
  const tn = await getTranslations('reseller.noticeSettings');
  const host = (await headers()).get('host') ?? '';
  const m = /^(?:[a-z0-9.-]*\.)?(?:localhost|127\.0\.0\.1)(?::(\d+))?$/i.exec(host);
  const localPort = m ? (m[1] ?? '80') : null;
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <BrandingForm
        initial={branding}
        companyName={profile.name}
        baseDomain={settings.base_domain}
        localPort={localPort}
        action={updateBrandingAction}
      />
      <Card title={t('clientLanguageTitle')} className="mt-5">
        <ClientLanguageForm current={clientLanguage} action={setClientLanguageAction} />
      </Card>
      <Card title={tn('title')} className="mt-5">
        <ActionForm
          action={updateNoticeSettingsAction}
          submitLabel={tn('save')}
          testId="notice-settings-form"
          fields={[
            {
              name: 'low_credit_threshold',
              label: tn('threshold'),
              type: 'number',
              required: true,
              defaultValue: String(notice.low_credit_threshold),
              hint: tn('thresholdHint'),
            },
            { name: 'mail_from_name', label: tn('fromName'), defaultValue: notice.mail_from_name ?? '', hint: tn('fromNameHint') },
            {
              name: 'sms_sender_client_id',
              label: tn('sender'),
              type: 'number',
              defaultValue: notice.sms_sender_client_id ? String(notice.sms_sender_client_id) : '',
              hint: tn('senderHint'),
            },
          ]}
        />
      </Card>
    </>
  );
}
