'use client';
// Create an API key: the new key is shown once, with a copy button.
import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { FieldErrors, SubmitButton } from '@/components/action-form';
import { buttonClass, inputClass } from '@/components/ui';
import type { FormState } from '@/lib/http/form-action';

type Action = (state: FormState, fd: FormData) => Promise<FormState>;

export function ApiKeyCreate({ action }: { action: Action }) {
  const t = useTranslations('reseller.api');
  const [state, formAction] = useActionState(action, {} as FormState);
  const [copied, setCopied] = useState<string | null>(null);
  const key = state.ok && typeof state.data?.key === 'string' ? state.data.key : null;
  const copy = async () => {
    if (!key) return;
    try {
      await navigator.clipboard.writeText(key);
      setCopied(key);
    } catch {
      setCopied(null);
      window.prompt(t('copyPrompt'), key);
    }
  };
  return (
    <div className="space-y-4">
      <form action={formAction} className="flex flex-col gap-2 sm:flex-row sm:items-start" data-testid="api-key-form" noValidate>
        <div className="min-w-0 flex-1">
          <label htmlFor="key-name" className="sr-only">
            {t('keyName')}
          </label>
          <input
            id="key-name"
            name="name"
            placeholder={t('keyNamePlaceholder')}
            defaultValue={state.ok ? '' : (state.values?.name ?? '')}
            key={key ?? 'form'}
            aria-invalid={state.fieldErrors?.name ? true : undefined}
            className={inputClass}
          />
          <FieldErrors errors={state.fieldErrors?.name} id="key-name-error" />
        </div>
        <SubmitButton>{t('createKey')}</SubmitButton>
      </form>
      {state.ok === false && !state.fieldErrors && (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      )}
      {key && (
        <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="new-api-key">
          <p className="font-medium text-amber-900">{state.message}</p>
          <div className="mt-2 flex flex-col gap-2 sm:flex-row sm:items-center">
            <code className="min-w-0 flex-1 break-all rounded bg-white px-2 py-1.5 font-mono text-xs" data-testid="new-api-key-value">
              {key}
            </code>
            <button type="button" onClick={copy} className={buttonClass('secondary')}>
              {copied === key ? t('copied') : t('copy')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
