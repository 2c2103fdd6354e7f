// The audit log's filter bar: a GET form, so the filters live in the URL.
import Link from 'next/link';
import { inputClass } from '@/components/ui';
import { AUDIT_ACTION_LABEL } from '@/lib/audit-labels';

const ACTIONS = Object.entries(AUDIT_ACTION_LABEL).sort((a, b) => a[1].localeCompare(b[1]));

const TARGET_TYPES = ['reseller', 'client', 'package', 'topup_request', 'admin', 'settings', 'api_key', 'user'];

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
  return (
    <form action="/admin/audit" method="get" role="search" className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
      <Labeled label="Who (name or email)" htmlFor="f-actor-name">
        <input id="f-actor-name" name="actor" type="search" defaultValue={values.actor} className={inputClass} />
      </Labeled>
      <Labeled label="What" htmlFor="f-action">
        <select id="f-action" name="action" defaultValue={values.action ?? ''} className={inputClass}>
          <option value="">Anything</option>
          {ACTIONS.map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
          {values.action && !(values.action in AUDIT_ACTION_LABEL) && <option value={values.action}>{values.action}…</option>}
        </select>
      </Labeled>
      <Labeled label="Target type" htmlFor="f-target-type">
        <select id="f-target-type" name="target_type" defaultValue={values.target_type ?? ''} className={inputClass}>
          <option value="">Any</option>
          {TARGET_TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
          {values.target_type && !TARGET_TYPES.includes(values.target_type) && (
            <option value={values.target_type}>{values.target_type}</option>
          )}
        </select>
      </Labeled>
      {values.target_id && <input type="hidden" name="target_id" value={values.target_id} />}
      {values.actor_id && <input type="hidden" name="actor_id" value={values.actor_id} />}
      <Labeled label="From" htmlFor="f-from">
        <input id="f-from" name="from" type="date" defaultValue={values.from?.slice(0, 10)} className={inputClass} />
      </Labeled>
      <Labeled label="To" htmlFor="f-to">
        <input id="f-to" name="to" type="date" defaultValue={values.to?.slice(0, 10)} className={inputClass} />
      </Labeled>
      <div className="col-span-2 flex flex-wrap items-center gap-3 sm:col-span-3 lg:col-span-6">
        <button type="submit" className="rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50">
          Filter
        </button>
        <Link href="/admin/audit" className="text-sm text-brand-700 hover:underline">
          Clear
        </Link>
      </div>
    </form>
  );
}
