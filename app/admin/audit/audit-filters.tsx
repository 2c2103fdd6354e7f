// The audit log's filter bar: a GET form, so the filters live in the URL.
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { inputClass } from '@/components/ui';
import { AUDIT_ACTION_LABEL } from '@/lib/audit-labels';
import { localAuditLabel } from '@/lib/i18n/audit';

export const TARGET_TYPES = ['reseller', 'client', 'package', 'topup_request', 'admin', 'settings', 'api_key', 'user'] as const;
export type TargetType = (typeof TARGET_TYPES)[number];
export const isTargetType = (v: string): v is TargetType => (TARGET_TYPES as readonly string[]).includes(v);

function Labeled({ label, htmlFor, children }: { label: string; htmlFor: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <label htmlFor={htmlFor} className="mb-1 block text-xs font-medium text-slate-600">
        {label}
      </label>
      {children}
    </div>
  );
}

export function AuditFilters({ values }: { values: Record<string, string | undefined> }) {
  const t = useTranslations('admin.audit');
  const ta = useTranslations('auditAction');
  const locale = useLocale();
  const ACTIONS = Object.keys(AUDIT_ACTION_LABEL)
    .map((code) => [code, localAuditLabel(ta, code)] as const)
    .sort((a, b) => a[1].localeCompare(b[1], locale));
  return (
    <form action="/admin/audit" method="get" role="search" className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
      <Labeled label={t('who')} htmlFor="f-actor-name">
        <input id="f-actor-name" name="actor" type="search" defaultValue={values.actor} className={inputClass} />
      </Labeled>
      <Labeled label={t('what')} htmlFor="f-action">
        <select id="f-action" name="action" defaultValue={values.action ?? ''} className={inputClass}>
          <option value="">{t('anything')}</option>
          {ACTIONS.map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
          {values.action && !(values.action in AUDIT_ACTION_LABEL) && <option value={values.action}>{values.action}…</option>}
        </select>
      </Labeled>
      <Labeled label={t('targetType')} htmlFor="f-target-type">
        <select id="f-target-type" name="target_type" defaultValue={values.target_type ?? ''} className={inputClass}>
          <option value="">{t('any')}</option>
          {TARGET_TYPES.map((k) => (
            <option key={k} value={k}>
              {t(`target.${k}`)}
            </option>
          ))}
          {values.target_type && !isTargetType(values.target_type) && <option value={values.target_type}>{values.target_type}</option>}
        </select>
      </Labeled>
      {values.target_id && <input type="hidden" name="target_id" value={values.target_id} />}
      {values.actor_id && <input type="hidden" name="actor_id" value={values.actor_id} />}
      <Labeled label={t('from')} htmlFor="f-from">
        <input id="f-from" name="from" type="date" defaultValue={values.from?.slice(0, 10)} className={inputClass} />
      </Labeled>
      <Labeled label={t('to')} htmlFor="f-to">
        <input id="f-to" name="to" type="date" defaultValue={values.to?.slice(0, 10)} className={inputClass} />
      </Labeled>
      <div className="col-span-2 flex flex-wrap items-center gap-3 sm:col-span-3 lg:col-span-6">
        <button type="submit" className="rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50">
          {t('filter')}
        </button>
        <Link href="/admin/audit" className="text-sm text-brand-700 hover:underline">
          {t('clear')}
        </Link>
      </div>
    </form>
  );
}
