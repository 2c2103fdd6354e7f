'use client';
// The campaign builder: audience (groups, numbers), message or template with a live preview for a real
// contact and the SMS counter, now or later. Submits to the same service as POST /api/v1/campaigns.
import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { FieldErrors, FormMessage, SubmitButton } from '@/components/action-form';
import { inputClass } from '@/components/ui';
import type { FormState } from '@/lib/http/form-action';
import { smsLength } from '@/lib/sms/encoding';
import { type MergeContact, placeholdersOf, renderMerge } from '@/lib/sms/merge-fields';

type Action = (state: FormState, fd: FormData) => Promise<FormState>;

export interface BuilderProps {
  action: Action;
  groups: { id: number; name: string; contacts: number }[];
  templates: { id: number; name: string; text: string }[];
  devices: { id: string; name: string }[];
  sample: MergeContact | null;
}

export function CampaignBuilder({ action, groups, templates, devices, sample }: BuilderProps) {
  const t = useTranslations('client.campaigns.builder');
  const [state, run] = useActionState(action, {} as FormState);
  const v = state.values ?? {};
  const [source, setSource] = useState<'message' | 'template'>(v.source === 'template' ? 'template' : 'message');
  const [message, setMessage] = useState(v.message ?? '');
  const [templateId, setTemplateId] = useState(v.template_id ?? String(templates[0]?.id ?? ''));
  const [when, setWhen] = useState(v.when === 'later' ? 'later' : 'now');
  const [local, setLocal] = useState('');
  const text = source === 'template' ? (templates.find((x) => String(x.id) === templateId)?.text ?? '') : message;
  const rendered = sample ? renderMerge(text, sample) : text;
  const len = smsLength(rendered);
  const { unknown } = placeholdersOf(text);
  const errors = state.fieldErrors ?? {};
  const iso = local ? new Date(local).toISOString() : '';
  return (
    <form action={run} className="space-y-5" data-testid="campaign-builder" noValidate>
      {state.message && <FormMessage state={state} testId="campaign-builder-message" />}
      <div>
        <label htmlFor="cb-name" className="mb-1 block text-sm font-medium">
          {t('name')}
        </label>
        <input id="cb-name" name="name" defaultValue={v.name} className={inputClass} required />
        <FieldErrors errors={errors.name} id="cb-name-err" />
      </div>
      <fieldset>
        <legend className="mb-1 text-sm font-medium">{t('audience')}</legend>
        <div className="flex flex-wrap gap-3">
          {groups.map((g) => (
            <label key={g.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name={`group:${g.id}`} defaultChecked={v[`group:${g.id}`] === 'on'} data-testid={`cb-group-${g.id}`} />
              {g.name} <span className="text-slate-500">({g.contacts})</span>
            </label>
          ))}
        </div>
        <label htmlFor="cb-phones" className="mt-3 mb-1 block text-sm">
          {t('phones')}
        </label>
        <textarea id="cb-phones" name="phones" rows={2} defaultValue={v.phones} className={inputClass} />
        <FieldErrors errors={errors.group_ids ?? errors.phones} id="cb-audience-err" />
      </fieldset>
      <fieldset>
        <legend className="mb-1 text-sm font-medium">{t('message')}</legend>
        <div className="mb-2 flex gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="source" value="message" checked={source === 'message'} onChange={() => setSource('message')} />
            {t('writeMessage')}
          </label>
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="source"
              value="template"
              checked={source === 'template'}
              onChange={() => setSource('template')}
              disabled={!templates.length}
              data-testid="cb-use-template"
            />
            {t('useTemplate')}
          </label>
        </div>
        {source === 'template' ? (
          <select
            name="template_id"
            value={templateId}
            onChange={(e) => setTemplateId(e.target.value)}
            className={inputClass}
            aria-label={t('template')}
            data-testid="cb-template"
          >
            {templates.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        ) : (
          <textarea
            name="message"
            rows={4}
            value={message}
            onChange={(e) => setMessage(e.target.value)}
            className={inputClass}
            aria-label={t('message')}
            data-testid="cb-message"
          />
        )}
        <p className="mt-1 text-xs text-slate-500">{t('placeholdersHint')}</p>
        <FieldErrors errors={errors.message ?? errors.template_id} id="cb-message-err" />
        {unknown.length > 0 && (
          <p role="alert" className="mt-1 text-xs text-red-700" data-testid="cb-unknown">
            {t('unknownPlaceholders', { list: unknown.join(', ') })}
          </p>
        )}
      </fieldset>
      <div className="rounded-lg border border-slate-200 bg-slate-50 p-3" data-testid="cb-preview">
        <div className="mb-1 text-xs font-medium text-slate-600">
          {sample ? t('previewFor', { name: sample.name ?? sample.phone }) : t('preview')}
        </div>
        <p className="whitespace-pre-wrap break-words text-sm" data-testid="cb-preview-text">
          {rendered}
        </p>
        <div className="mt-2 text-xs text-slate-600" data-testid="cb-counter">
          {t('counter', { units: len.units, segments: len.segments, encoding: len.encoding === 'gsm7' ? 'GSM' : 'Unicode' })}
        </div>
      </div>
      {devices.length > 1 && (
        <div>
          <label htmlFor="cb-device" className="mb-1 block text-sm font-medium">
            {t('device')}
          </label>
          <select id="cb-device" name="device_id" defaultValue={v.device_id ?? ''} className={inputClass}>
            <option value="">{t('allDevices')}</option>
            {devices.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <fieldset>
        <legend className="mb-1 text-sm font-medium">{t('when')}</legend>
        <div className="flex flex-wrap items-center gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="when" value="now" checked={when === 'now'} onChange={() => setWhen('now')} />
            {t('now')}
          </label>
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="when"
              value="later"
              checked={when === 'later'}
              onChange={() => setWhen('later')}
              data-testid="cb-later"
            />
            {t('later')}
          </label>
          {when === 'later' && (
            <input
              type="datetime-local"
              value={local}
              onChange={(e) => setLocal(e.target.value)}
              className={`${inputClass} w-auto`}
              aria-label={t('scheduledAt')}
              data-testid="cb-scheduled-at"
            />
          )}
          <input type="hidden" name="scheduled_at" value={iso} />
        </div>
        <FieldErrors errors={errors.scheduled_at} id="cb-when-err" />
      </fieldset>
      <SubmitButton>{when === 'later' ? t('schedule') : t('sendNow')}</SubmitButton>
    </form>
  );
}
