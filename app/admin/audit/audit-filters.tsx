// The audit log's filter bar: a GET form, so the filters live in the URL.
import Link from 'next/link';
import { inputClass } from '@/components/ui';

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
      <Labeled label="Action starts with" htmlFor="f-action">
        <input
          id="f-action"
          name="action"
          defaultValue={values.action}
          placeholder="topup_request."
          list="audit-actions"
          className={inputClass}
        />
        <datalist id="audit-actions">
          {['reseller.', 'client.', 'package.', 'topup_request.', 'admin.', 'settings.', 'api_key.'].map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
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
      <Labeled label="Target id" htmlFor="f-target-id">
        <input id="f-target-id" name="target_id" defaultValue={values.target_id} className={inputClass} />
      </Labeled>
      <Labeled label="Actor id" htmlFor="f-actor">
        <input id="f-actor" name="actor_id" inputMode="numeric" defaultValue={values.actor_id} className={inputClass} />
      </Labeled>
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
