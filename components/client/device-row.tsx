'use client';
// One paired phone: name (renamable in place), online badge, last seen, battery, app version, the app's
// notification channel, and the enable/disable, channel and remove actions. A refusal (e.g. the device
// limit) shows beside its button.
import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { FieldErrors, SubmitButton } from '@/components/action-form';
import { InlineAction } from '@/components/inline-action';
import { Badge, buttonClass, inputClass } from '@/components/ui';
import type { FormState } from '@/lib/http/form-action';
import type { DeviceView } from '@/lib/services/devices';
import { ConfirmAction } from './confirm-action';

type Action = (state: FormState, fd: FormData) => Promise<FormState>;

function RenameForm({ device, action, onDone }: { device: DeviceView; action: Action; onDone: () => void }) {
  const [state, run] = useActionState(async (prev: FormState, fd: FormData) => {
    const next = await action(prev, fd);
    if (next.ok) onDone();
    return next;
  }, {} as FormState);
  const err = state.fieldErrors?.name ?? (state.ok === false && state.message ? [state.message] : undefined);
  const t = useTranslations('client.devices');
  return (
    <form action={run} className="flex flex-wrap items-start gap-2">
      <input type="hidden" name="id" value={device.id} />
      <div className="min-w-0 flex-1">
        <label htmlFor={`name-${device.id}`} className="sr-only">
          {t('name')}
        </label>
        <input
          id={`name-${device.id}`}
          name="name"
          defaultValue={state.values?.name ?? device.name}
          maxLength={80}
          className={inputClass}
          aria-invalid={err ? true : undefined}
          autoFocus
        />
        <FieldErrors errors={err} id={`name-${device.id}-error`} />
      </div>
      <SubmitButton>{t('save')}</SubmitButton>
      <button type="button" className={buttonClass('secondary')} onClick={onDone}>
        {t('cancel')}
      </button>
    </form>
  );
}

export function DeviceRow({
  device,
  lastSeen,
  renameAction,
  enableAction,
  channelAction,
  removeAction,
}: {
  device: DeviceView;
  lastSeen: string;
  renameAction: Action;
  enableAction: Action;
  channelAction: Action;
  removeAction: Action;
}) {
  const [editing, setEditing] = useState(false);
  const t = useTranslations('client.devices');
  const d = device;
  return (
    <li className="py-4" data-testid={`device-row-${d.id}`}>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 flex-1">
          {editing ? (
            <RenameForm device={d} action={renameAction} onDone={() => setEditing(false)} />
          ) : (
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium break-words">{d.name}</span>
              <Badge tone={d.online ? 'green' : 'slate'}>{d.online ? t('online') : t('offline')}</Badge>
              {!d.enabled && <Badge tone="amber">{t('disabled')}</Badge>}
              <button
                type="button"
                className="text-xs font-medium text-brand-700 hover:underline"
                onClick={() => setEditing(true)}
                data-testid={`rename-${d.id}`}
              >
                {t('rename')}
              </button>
            </div>
          )}
          <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
            <div>
              <dt className="inline">{t('lastSeen')} </dt>
              <dd className="inline">{lastSeen}</dd>
            </div>
            <div>
              <dt className="inline">{t('battery')} </dt>
              <dd className="inline">{d.battery === null ? '—' : `${d.battery}%${d.charging ? ` ${t('charging')}` : ''}`}</dd>
            </div>
            <div>
              <dt className="inline">{t('app')} </dt>
              <dd className="inline">{d.app_version ?? '—'}</dd>
            </div>
            <div>
              <dt className="inline">{t('channel')} </dt>
              <dd className="inline" data-testid={`channel-${d.id}`}>
                {d.notification_channel === 'SSE_ONLY' ? t('channelSse') : t('channelAuto')}
              </dd>
            </div>
          </dl>
        </div>
        <div className="flex flex-wrap items-start gap-2 sm:justify-end">
          <InlineAction
            action={enableAction}
            fields={{ id: d.id, enabled: d.enabled ? 'false' : 'true' }}
            label={d.enabled ? t('disable') : t('enable')}
            testId={`toggle-${d.id}`}
          />
          <InlineAction
            action={channelAction}
            fields={{ id: d.id, notification_channel: d.notification_channel === 'SSE_ONLY' ? 'AUTO' : 'SSE_ONLY' }}
            label={d.notification_channel === 'SSE_ONLY' ? t('useAuto') : t('useSse')}
            variant="secondary"
            testId={`channel-toggle-${d.id}`}
          />
          <ConfirmAction
            action={removeAction}
            fields={{ id: d.id }}
            label={t('remove')}
            question={t('removeQuestion')}
            testId={`remove-${d.id}`}
          />
        </div>
      </div>
    </li>
  );
}
