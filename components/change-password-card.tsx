import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/action-form';
import type { FormState } from '@/lib/http/form-action';
import { Card, Notice } from './ui';

type PasswordAction = (prev: FormState, fd: FormData) => Promise<FormState>;

/** The account page's "change password" card, the same in every portal (the action is the portal's own). */
export async function ChangePasswordCard({ action, className }: { action: PasswordAction; className?: string }) {
  const t = await getTranslations('passwordChange');
  return (
    <Card title={t('title')} className={className}>
      <div className="max-w-xl">
        <ActionForm
          action={action}
          testId="change-password-form"
          columns={1}
          submitLabel={t('title')}
          fields={[
            { name: 'current_password', label: t('current'), type: 'password', autoComplete: 'current-password', required: true },
            {
              name: 'new_password',
              label: t('new'),
              type: 'password',
              autoComplete: 'new-password',
              required: true,
              hint: t('newHint'),
            },
            { name: 'confirm_password', label: t('confirm'), type: 'password', autoComplete: 'new-password', required: true },
          ]}
        />
      </div>
    </Card>
  );
}

/** The notice shown once after a change (the action redirects with `?password_changed=1`). */
export async function PasswordChangedNotice() {
  const t = await getTranslations('passwordChange');
  return (
    <div className="mb-5" data-testid="password-changed">
      <Notice tone="success">{t('changed')}</Notice>
    </div>
  );
}
