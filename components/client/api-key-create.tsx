'use client';
// Create an API key: a name, then the key itself, shown once.
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field, SubmitButton } from '@/components/action-form';
import { Notice } from '@/components/ui';
import type { FormState } from '@/lib/http/form-action';
import { OneTimeSecret } from './one-time-secret';

type Action = (state: FormState, fd: FormData) => Promise<FormState>;

export function ApiKeyCreate({ action }: { action: Action }) {
  const [state, run] = useActionState(action, {} as FormState);
  const t = useTranslations('client.api');
  const key = state.ok && typeof state.data?.key === 'string' ? state.data.key : null;
  return (
    <div className="space-y-4">
      {key && (
        <OneTimeSecret
          label={t('newKey', { name: String(state.data?.name ?? '') })}
          value={key}
          testId="new-api-key"
          warning={t('newKeyWarning')}
        />
      )}
      {state.message && !state.ok && !state.fieldErrors && <Notice tone="error">{state.message}</Notice>}
      <form action={run} className="flex flex-col gap-3 sm:flex-row sm:items-start" data-testid="api-key-form" noValidate>
        <div className="min-w-0 flex-1">
          <Field
            spec={{ name: 'name', label: t('keyName'), placeholder: t('keyNamePlaceholder'), required: true }}
            state={state.ok ? {} : state}
            idPrefix="key-"
          />
        </div>
        <div className="sm:pt-6">
          <SubmitButton testId="create-api-key">{t('createKey')}</SubmitButton>
        </div>
      </form>
    </div>
  );
}
