import type { Metadata } from 'next';
import Link from 'next/link';
import { Pagination } from '@/components/pagination';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format';
import { type AuditView, listAudit } from '@/lib/services/audit';
import { auditQuery } from '@/lib/validation/common';
import { AuditFilters } from './audit-filters';

export const metadata: Metadata = { title: 'Audit log' };

const FILTER_KEYS = ['action', 'target_type', 'target_id', 'actor_id', 'from', 'to'] as const;

function targetHref(e: AuditView): string | null {
  if (!e.target_id) return null;
  if (e.target_type === 'reseller') return `/admin/resellers/${e.target_id}`;
  return null;
}

function Json({ label, value }: { label: string; value: unknown }) {
  return (
    <div className="min-w-0">
      <div className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-500">{label}</div>
      <pre className="max-h-80 overflow-auto whitespace-pre-wrap break-all rounded-lg bg-slate-900 p-3 text-xs leading-relaxed text-slate-100">
        {value === null || value === undefined ? '—' : JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
}

function Entry({ e }: { e: AuditView }) {
  const href = targetHref(e);
  const target = `${e.target_type}${e.target_id ? ` #${e.target_id}` : ''}`;
  const hasChanges = e.before !== null || e.after !== null;
  return (
    <tbody className="border-t border-slate-100" data-testid={`audit-row-${e.id}`}>
      <tr className="align-top">
        <td className="px-4 py-2.5 sm:whitespace-nowrap sm:px-2">{formatDateTime(e.created_at)}</td>
        <td className="px-2 py-2.5">
          {e.actor_id ? (
            <Link
              href={`/admin/audit?actor_id=${e.actor_id}`}
              className="text-brand-700 wrap-anywhere hover:underline"
              title="Only this actor"
            >
              {e.actor_email ?? `user #${e.actor_id}`}
            </Link>
          ) : (
            <span className="text-slate-500">system</span>
          )}
          <div className="mt-0.5">
            <Badge>{e.actor_role}</Badge>
          </div>
        </td>
        <td className="px-2 py-2.5">
          <span className="font-mono text-xs wrap-anywhere">{e.action}</span>
          <div className="mt-0.5 text-xs text-slate-500 wrap-anywhere md:hidden">
            {target}
            {e.ip ? ` · ${e.ip}` : ''}
          </div>
        </td>
        <td className="hidden px-2 py-2.5 md:table-cell">
          {href ? (
            <Link href={href} className="text-brand-700 hover:underline">
              {target}
            </Link>
          ) : (
            target
          )}
        </td>
        <td className="hidden whitespace-nowrap px-2 py-2.5 font-mono text-xs md:table-cell">{e.ip ?? '—'}</td>
      </tr>
      {hasChanges && (
        <tr>
          <td colSpan={5} className="px-4 pb-3 sm:px-2">
            <details className="group">
              <summary className="cursor-pointer select-none text-xs font-medium text-brand-700 hover:underline">Before / after</summary>
              <div className="mt-2 grid gap-3 md:grid-cols-2">
                <Json label="Before" value={e.before} />
                <Json label="After" value={e.after} />
              </div>
            </details>
          </td>
        </tr>
      )}
    </tbody>
  );
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { db, actor } = await requireRole('admin');
  const sp = await searchParams;
  const raw: Record<string, string | undefined> = { page: sp.page };
  for (const k of FILTER_KEYS) raw[k] = sp[k]?.trim() || undefined;
  const parsed = auditQuery.safeParse(raw);
  const q = parsed.success ? parsed.data : auditQuery.parse({});
  const page = await listAudit(db, actor, q);
  const params: Record<string, string | undefined> = {};
  for (const k of FILTER_KEYS) params[k] = q[k] === undefined ? undefined : String(q[k]);
  const filtered = FILTER_KEYS.some((k) => params[k]);
  return (
    <>
      <PageHeader title="Audit log" subtitle="Who changed what, from where, and the record before and after." />
      <Card>
        <AuditFilters values={params} />
        {!parsed.success && (
          <p className="mb-3 text-sm text-red-700" role="alert">
            Some filters were not valid and were ignored.
          </p>
        )}
        {page.data.length === 0 ? (
          <EmptyState title={filtered ? 'No entries match these filters.' : 'No audit entries yet.'} />
        ) : (
          <div className="-mx-4 overflow-x-auto sm:mx-0">
            <table className="min-w-full text-sm" data-testid="audit-table">
              <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th className="px-4 py-2 font-medium sm:px-2">Time</th>
                  <th className="px-2 py-2 font-medium">Actor</th>
                  <th className="px-2 py-2 font-medium">Action</th>
                  <th className="hidden px-2 py-2 font-medium md:table-cell">Target</th>
                  <th className="hidden px-2 py-2 font-medium md:table-cell">IP</th>
                </tr>
              </thead>
              {page.data.map((e) => (
                <Entry key={e.id} e={e} />
              ))}
            </table>
          </div>
        )}
        <Pagination basePath="/admin/audit" params={params} {...page.pagination} />
      </Card>
    </>
  );
}
