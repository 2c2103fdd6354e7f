'use client';
// An instant on/off switch for an account's access (active ↔ suspended). The new state shows at once
// (optimistic); if the server refuses, React drops the optimistic value and the switch flips back, with
// the reason next to it.
import { useTranslations } from 'next-intl';
import { useOptimistic, useState, useTransition } from 'react';
import type { FormState } from '@/lib/http/form-action';

type Action = (state: FormState, fd: FormData) => Promise<FormState>;
type Status = 'active' | 'suspended';

export function StatusSwitch({
  id,
  name,
  status,
  action,
  compact = false,
}: {
  id: number;
  /** Whose access this is, for the accessible name. */
  name: string;
  status: Status;
  action: Action;
  /** In a table: the word next to the switch only from the sm breakpoint up (the colour says it on phones). */
  compact?: boolean;
}) {
  const t = useTranslations('statusSwitch');
  const [shown, setShown] = useOptimistic<Status>(status);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const on = shown === 'active';

  const toggle = () => {
    const next: Status = on ? 'suspended' : 'active';
    setError(null);
    startTransition(async () => {
      setShown(next);
      const fd = new FormData();
      fd.set('reseller_id', String(id));
      fd.set('status', next);
      try {
        const res = await action({}, fd);
        if (!res.ok) setError(res.message ?? t('failed'));
      } catch {
        setError(t('offline'));
      }
    });
  };

  return (
    <div className="inline-flex flex-col items-start gap-1">
      <div className="inline-flex items-center gap-2">
        <button
          type="button"
          role="switch"
          aria-checked={on}
          aria-label={t('accessFor', { name })}
          aria-busy={pending}
          onClick={toggle}
          data-testid={`status-switch-${id}`}
          className={`relative inline-flex h-6 w-11 shrink-0 cursor-pointer items-center rounded-full transition-colors focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2 ${on ? 'bg-emerald-500' : 'bg-slate-300'} ${pending ? 'opacity-70' : ''}`}
        >
          <span
            aria-hidden="true"
            className={`inline-block h-5 w-5 rounded-full bg-white shadow transition-transform ${on ? 'translate-x-5' : 'translate-x-0.5'}`}
          />
        </button>
        <span
          className={`text-xs font-medium ${on ? 'text-emerald-700' : 'text-slate-500'} ${compact ? 'hidden sm:inline' : ''}`}
          aria-hidden="true"
        >
          {on ? t('active') : t('suspended')}
        </span>
      </div>
      {error && (
        <p role="alert" className="max-w-48 text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
