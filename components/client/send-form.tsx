'use client';
// The send form: recipients (one per line or comma-separated, counted as typed), the message with a live
// length and segment counter (GSM-7 160/153, UCS-2 70/67), a device choice, and the queued result.
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { FieldErrors, SubmitButton } from '@/components/action-form';
import { inputClass, Notice } from '@/components/ui';
import type { FormState } from '@/lib/http/form-action';
import { smsLength } from '@/lib/sms/encoding';
import { splitRecipients } from './recipients';
import { useZawgyi, ZawgyiPrompt } from './zawgyi-prompt';

type Action = (state: FormState, fd: FormData) => Promise<FormState>;

/** Errors of `phones` and `phones.3` (one bad number) both belong under the recipients box. */
function recipientErrors(fields: Record<string, string[]> | undefined, label: (n: number) => string): string[] | undefined {
  if (!fields) return undefined;
  const out: string[] = [];
  for (const [k, v] of Object.entries(fields)) {
    if (k === 'phones' || k === 'phone' || k === 'recipients') out.push(...v);
    const m = /^phones\.(\d+)$/.exec(k);
    if (m) out.push(...v.map((msg) => `${label(Number(m[1]) + 1)}: ${msg}`));
  }
  return out.length ? out : undefined;
}

export function SmsCounter({ text }: { text: string }) {
  const len = smsLength(text);
  const t = useTranslations('client.send');
  const enc = len.encoding === 'gsm7' ? 'GSM-7' : 'Unicode';
  return (
    <p className="mt-1 text-xs text-slate-600 tabular-nums" data-testid="sms-counter" aria-live="polite">
      {t('counter', { units: len.units, segments: len.segments, encoding: enc, remaining: len.remaining })}
    </p>
  );
}

export function SendForm({
  action,
  devices,
  remaining,
}: {
  action: Action;
  devices: { id: string; name: string; online: boolean }[];
  remaining: number;
}) {
  const [state, formAction] = useActionState(action, {} as FormState);
  const [recipients, setRecipients] = useState(state.values?.recipients ?? '');
  const [message, setMessage] = useState(state.values?.message ?? '');
  const zawgyi = useZawgyi(message);
  const t = useTranslations('client.send');
  const count = splitRecipients(recipients).length;
  const rErr = recipientErrors(state.fieldErrors, (n) => t('recipientN', { n }));
  const mErr = state.fieldErrors?.message;
  const dErr = state.fieldErrors?.device_id;
  const queued = (state.ok ? state.data?.messages : undefined) as { id: string; phone: string }[] | undefined;
  const skipped = (state.ok ? state.data?.skipped : undefined) as string[] | undefined;
  return (
    <div className="space-y-4">
      {state.message && !state.ok && <Notice tone="error">{state.message}</Notice>}
      {queued && (
        <div
          className="rounded-lg border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800"
          data-testid="send-result"
          role="status"
        >
          <p className="font-medium">{t('queued', { count: queued.length })}</p>
          <ul className="mt-1 space-y-0.5">
            {queued.map((m) => (
              <li key={m.id} className="break-all">
                <Link href={`/client/messages/${m.id}`} className="font-mono text-xs underline">
                  {m.id}
                </Link>{' '}
                → {m.phone}
              </li>
            ))}
          </ul>
          {skipped && skipped.length > 0 && (
            <p className="mt-1 text-amber-800" data-testid="send-skipped">
              {t('skippedOptedOut', { count: skipped.length, phones: skipped.join(', ') })}
            </p>
          )}
        </div>
      )}
      <form action={formAction} className="space-y-4" data-testid="send-form" noValidate>
        <div>
          <label htmlFor="recipients" className="mb-1 block text-sm font-medium text-slate-700">
            {t('recipients')} <span className="text-red-600">*</span>
          </label>
          <textarea
            id="recipients"
            name="recipients"
            rows={4}
            value={recipients}
            onChange={(e) => setRecipients(e.target.value)}
            placeholder={'+959123456789\n+959987654321'}
            className={`${inputClass} font-mono`}
            aria-invalid={rErr ? true : undefined}
            aria-describedby={rErr ? 'recipients-error' : 'recipients-hint'}
          />
          {!rErr && (
            <p id="recipients-hint" className="mt-1 text-xs text-slate-600" data-testid="recipient-count">
              {t('recipientCount', { count })}
              {count > remaining ? ` · ${t('quotaLeft', { remaining })}` : ''}
            </p>
          )}
          <FieldErrors errors={rErr} id="recipients-error" />
        </div>
        <div>
          <label htmlFor="message" className="mb-1 block text-sm font-medium text-slate-700">
            {t('message')} <span className="text-red-600">*</span>
          </label>
          <textarea
            id="message"
            name="message"
            rows={5}
            value={message}
            onChange={(e) => setMessage(e.target.value)}
            maxLength={1600}
            className={inputClass}
            aria-invalid={mErr ? true : undefined}
            aria-describedby={mErr ? 'message-error' : undefined}
          />
          <SmsCounter text={zawgyi.sendText} />
          <ZawgyiPrompt check={zawgyi} onUseUnicode={setMessage} />
          <input type="hidden" name="keep_encoding" value={zawgyi.kept ? 'true' : ''} />
          <FieldErrors errors={mErr} id="message-error" />
        </div>
        <div>
          <label htmlFor="device_id" className="mb-1 block text-sm font-medium text-slate-700">
            {t('sendThrough')}
          </label>
          <select
            id="device_id"
            name="device_id"
            defaultValue={state.values?.device_id ?? ''}
            className={inputClass}
            aria-invalid={dErr ? true : undefined}
          >
            <option value="">{t('anyDevice')}</option>
            {devices.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name} {d.online ? t('online') : t('offline')}
              </option>
            ))}
          </select>
          <FieldErrors errors={dErr} id="device_id-error" />
        </div>
        <SubmitButton testId="send-submit">{t('submit')}</SubmitButton>
      </form>
    </div>
  );
}
