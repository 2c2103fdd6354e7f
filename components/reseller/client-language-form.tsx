'use client';
// The reseller's choice of its clients' portal language, under the branding form.
import { useTranslations } from 'next-intl';
import type { FormState } from '@/lib/http/form-action';
import { ActionForm } from '../action-form';

export function ClientLanguageForm({
  current,
  action,
}: {
  current: 'en' | 'my' | null;
  action: (state: FormState, fd: FormData) => Promise<FormState>;
}) {
  const t = useTranslations('reseller.branding');
  const l = useTranslations('language.choice');
  return (
    <ActionForm
      action={action}
      columns={1}
      submitLabel={t('clientLanguageSave')}
      testId="client-language-form"
      fields={[
        {
          name: 'client_language',
          label: t('clientLanguage'),
          type: 'select',
          defaultValue: current ?? '',
          hint: t('clientLanguageHint'),
          options: [
            { value: '', label: t('clientLanguagePlatform') },
            { value: 'en', label: l('en') },
            { value: 'my', label: l('my') },
          ],
        },
      ]}
    />
  );
}
