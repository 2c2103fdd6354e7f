'use client';
// The login-subdomain input with live validation: ~300 ms after typing stops it asks the server whether
// the name is valid and free, and says so under the field. A refusal from the submitted form takes
// precedence until the value is changed again.
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { FieldErrors, inputClass } from './action-form';

export interface SubdomainCheckResult {
  available: boolean;
  reason: string | null;
}

type Check = (subdomain: string, exceptId?: number) => Promise<SubdomainCheckResult>;
type Live =
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'done'; value: string; available: boolean; reason: string | null }
  | { state: 'failed' };

export function SubdomainField({
  check,
  baseDomain,
  defaultValue = '',
  submitted,
  errors,
  exceptId,
  current,
}: {
  check: Check;
  baseDomain: string;
  defaultValue?: string;
  /** The value the server last refused, and its messages. */
  submitted?: string;
  errors?: string[];
  /** Edit form: the reseller itself does not count as taking its own subdomain. */
  exceptId?: number;
  /** Edit form: the subdomain the reseller has now. */
  current?: string;
}) {
  const t = useTranslations('admin.subdomain');
  const [value, setValue] = useState(defaultValue);
  const [live, setLive] = useState<Live>({ state: 'idle' });
  const seq = useRef(0);
  // The action reference may change between renders; the debounce should not restart because of it.
  const checkRef = useRef(check);
  useEffect(() => {
    checkRef.current = check;
  }, [check]);
  const normalized = value.trim().toLowerCase();

  useEffect(() => {
    const mine = ++seq.current;
    if (!normalized || normalized === current) {
      setLive({ state: 'idle' });
      return;
    }
    setLive({ state: 'checking' });
    const timer = setTimeout(() => {
      checkRef
        .current(normalized, exceptId)
        .then((r) => {
          if (seq.current === mine) setLive({ state: 'done', value: normalized, available: r.available, reason: r.reason });
        })
        .catch(() => {
          if (seq.current === mine) setLive({ state: 'failed' });
        });
    }, 300);
    return () => clearTimeout(timer);
  }, [normalized, current, exceptId]);

  const serverErrors = errors?.length && (submitted ?? '').trim().toLowerCase() === normalized ? errors : undefined;
  const describedBy = serverErrors ? 'subdomain-error' : 'subdomain-status';

  let status: React.ReactNode = <span className="text-slate-500">{t('hint', { domain: baseDomain })}</span>;
  let tone = '';
  if (normalized && normalized === current)
    status = <span className="text-slate-500">{t('current', { address: `${normalized}.${baseDomain}` })}</span>;
  else if (live.state === 'checking') status = <span className="text-slate-500">{t('checking')}</span>;
  else if (live.state === 'failed') status = <span className="text-slate-500">{t('failed')}</span>;
  else if (live.state === 'done') {
    tone = live.available ? 'available' : 'unavailable';
    status = live.available ? (
      <span className="text-emerald-700">{t('available', { address: `${live.value}.${baseDomain}` })}</span>
    ) : (
      <span className="text-red-700">{live.reason ?? t('notAvailable')}</span>
    );
  }
  const suffix = `.${baseDomain}`;

  return (
    <div className="sm:col-span-2 sm:max-w-xl">
      <label htmlFor="subdomain" className="mb-1 block text-sm font-medium text-slate-700">
        {t('label')}
        <span className="text-red-600"> *</span>
      </label>
      <div className="flex min-w-0 items-stretch">
        <input
          id="subdomain"
          name="subdomain"
          value={value}
          onChange={(e) => setValue(e.target.value.toLowerCase())}
          required
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          inputMode="url"
          aria-invalid={serverErrors || (live.state === 'done' && !live.available) ? true : undefined}
          aria-describedby={describedBy}
          className={`${inputClass} min-w-0 rounded-r-none`}
        />
        <span
          className="inline-flex max-w-[55%] shrink-0 items-center truncate rounded-r-lg border border-l-0 border-slate-300 bg-slate-50 px-3 text-sm text-slate-500"
          aria-hidden="true"
        >
          {suffix}
        </span>
      </div>
      {serverErrors ? (
        <FieldErrors errors={serverErrors} id="subdomain-error" />
      ) : (
        <p id="subdomain-status" className="mt-1 text-xs" aria-live="polite" data-testid="subdomain-status" data-state={tone || live.state}>
          {status}
        </p>
      )}
    </div>
  );
}
