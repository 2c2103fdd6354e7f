'use client';
// Add a webhook: URL and events; the signing secret comes back once, with how to verify a delivery.
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field, FieldErrors, SubmitButton } from '@/components/action-form';
import { Notice } from '@/components/ui';
import type { FormState } from '@/lib/http/form-action';
import { OneTimeSecret } from './one-time-secret';

type Action = (state: FormState, fd: FormData) => Promise<FormState>;

const VERIFY = `// Node.js: check a delivery before trusting it
const crypto = require('node:crypto');
const expected = crypto.createHmac('sha256', SECRET)
  .update(req.headers['x-timestamp'] + '.' + rawBody)
  .digest('hex');
const ok = crypto.timingSafeEqual(
  Buffer.from(expected), Buffer.from(req.headers['x-signature']));`;

export function WebhookCreate({ action, events }: { action: Action; events: readonly string[] }) {
  const [state, run] = useActionState(action, {} as FormState);
  const t = useTranslations('client.webhooks');
  const secret = state.ok && typeof state.data?.secret === 'string' ? state.data.secret : null;
  const failed = state.ok ? {} : state;
  return (
    <div className="space-y-4">
      {secret && (
        <div className="space-y-2" data-testid="webhook-created">
          <OneTimeSecret label={t('secret')} value={secret} testId="webhook-secret" warning={t('secretOnce')} />
          <p className="text-xs text-slate-600">{t.rich('verifyHelp', { code: (c) => <code>{c}</code> })}</p>
          <pre className="overflow-x-auto rounded-lg bg-slate-900 p-3 text-xs text-slate-100">
            <code>{VERIFY}</code>
          </pre>
        </div>
      )}
      {state.message && !state.ok && !state.fieldErrors && <Notice tone="error">{state.message}</Notice>}
      <form action={run} className="space-y-4" data-testid="webhook-form" noValidate>
        <Field
          spec={{ name: 'url', label: 'URL', type: 'url', placeholder: t('urlPlaceholder'), required: true }}
          state={failed}
          idPrefix="wh-"
        />
        <fieldset aria-describedby={failed.fieldErrors?.events ? 'wh-events-error' : undefined}>
          <legend className="mb-1 text-sm font-medium text-slate-700">
            {t('events')} <span className="text-red-600">*</span>
          </legend>
          <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
            {events.map((e) => (
              <label key={e} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name={`event:${e}`}
                  defaultChecked={failed.values ? failed.values[`event:${e}`] === 'on' : e !== 'sms.received'}
                  className="h-4 w-4 rounded border-slate-300"
                />
                <code className="text-xs">{e}</code>
              </label>
            ))}
          </div>
          <FieldErrors errors={failed.fieldErrors?.events} id="wh-events-error" />
        </fieldset>
        <SubmitButton testId="create-webhook">{t('submit')}</SubmitButton>
      </form>
    </div>
  );
}
