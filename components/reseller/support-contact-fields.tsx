'use client';
// The branding form's Viber and Telegram support contacts (docs/payments.md#support-contacts): clients see
// them as viber:// and https://t.me/ links.
import { useTranslations } from 'next-intl';
import { FieldErrors, inputClass } from '@/components/action-form';

export function SupportContactFields({ viber, telegram, errors }: { viber: string; telegram: string; errors?: Record<string, string[]> }) {
  const t = useTranslations('support');
  const label = 'mb-1 block text-sm font-medium text-slate-700';
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
      <div>
        <label htmlFor="support_viber" className={label}>
          {t('viber')}
        </label>
        <input
          id="support_viber"
          name="support_viber"
          type="tel"
          defaultValue={viber}
          className={inputClass}
          aria-invalid={errors?.support_viber ? true : undefined}
          aria-describedby="support_viber-hint"
        />
        <p id="support_viber-hint" className="mt-1 text-xs text-slate-600">
          {t('viberHint')}
        </p>
        <FieldErrors errors={errors?.support_viber} id="support_viber-error" />
      </div>
      <div>
        <label htmlFor="support_telegram" className={label}>
          {t('telegram')}
        </label>
        <input
          id="support_telegram"
          name="support_telegram"
          defaultValue={telegram}
          className={inputClass}
          aria-invalid={errors?.support_telegram ? true : undefined}
          aria-describedby="support_telegram-hint"
        />
        <p id="support_telegram-hint" className="mt-1 text-xs text-slate-600">
          {t('telegramHint')}
        </p>
        <FieldErrors errors={errors?.support_telegram} id="support_telegram-error" />
      </div>
    </div>
  );
}
