// /admin/audit — the audit log for people: what happened in words, who did it and to whom (linked), the
// fields that changed as a small before/after table, filters by actor name and action, CSV export.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { DataList } from '@/components/data-list';
import { Badge, buttonClass, Card, PageHeader } from '@/components/ui';
import { auditChanges } from '@/lib/audit-labels';
import { requireRole } from '@/lib/auth/session';
import { localAuditLabel } from '@/lib/i18n/audit';
import { getFormat } from '@/lib/i18n/server';
import { type AuditView, listAudit } from '@/lib/services/audit';
import { auditQuery } from '@/lib/validation/common';
import { AuditFilters, isTargetType } from './audit-filters';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.audit'))('title') };
}

const FILTER_KEYS = ['action', 'actor', 'target_type', 'target_id', 'actor_id', 'from', 'to'] as const;

function targetHref(e: AuditView): string | null {
  if (!e.target_id) return null;
  if (e.target_type === 'reseller') return `/admin/resellers/${e.target_id}`;
  if (e.target_type === 'client' && e.target_name) return `/admin/clients?search=${encodeURIComponent(e.target_name)}`;
  if (e.target_type === 'topup_request') return '/admin/topups?status=all';
  if (e.target_type === 'package') return '/admin/packages';
  if (e.target_type === 'admin') return '/admin/settings';
  return null;
}

function Target({ e, t }: { e: AuditView; t: Awaited<ReturnType<typeof getTranslations<'admin.audit'>>> }) {
  const href = targetHref(e);
  const kind = isTargetType(e.target_type) ? t(`target.${e.target_type}`) : e.target_type.replace(/_/g, ' ');
  const text = e.target_name ? `${e.target_name}` : `${kind}${e.target_id ? ` #${e.target_id}` : ''}`;
  return (
    <div className="min-w-0">
      {href ? (
        <Link href={href} className="text-brand-700 wrap-anywhere hover:underline">
          {text}
        </Link>
      ) : (
        <span className="wrap-anywhere">{text}</span>
      )}
      {e.target_name && <div className="text-xs text-slate-500">{kind}</div>}
    </div>
  );
}

function Changes({ e, t }: { e: AuditView; t: Awaited<ReturnType<typeof getTranslations<'admin.audit'>>> }) {
  const changes = auditChanges(e.before, e.after);
  if (!changes.length) return <span className="text-slate-400">—</span>;
  const table = (
    <table className="w-full text-xs" data-testid="audit-changes">
      <thead className="sr-only">
        <tr>
          <th>{t('field')}</th>
          <th>{t('before')}</th>
          <th>{t('after')}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.field} className="align-top">
            <th scope="row" className="py-0.5 pr-2 text-left font-medium text-slate-600" translate="no">
              {c.field.replace(/_/g, ' ')}
            </th>
            <td className="py-0.5 pr-2 text-slate-500 line-through decoration-slate-300 wrap-anywhere" translate="no">
              {c.before}
            </td>
            <td className="py-0.5 text-slate-900 wrap-anywhere" translate="no">
              {c.after}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (changes.length <= 4) return table;
  return (
    <details>
      <summary className="cursor-pointer select-none text-xs font-medium text-brand-700 hover:underline">
        {t('fieldsChanged', { count: changes.length })}
      </summary>
      <div className="mt-1">{table}</div>
    </details>
  );
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { db, actor } = await requireRole('admin');
  const sp = await searchParams;
  const raw: Record<string, string | undefined> = { page: sp.page };
  for (const k of FILTER_KEYS) raw[k] = sp[k]?.trim() || undefined;
  const parsed = auditQuery.safeParse(raw);
  const q = parsed.success ? parsed.data : auditQuery.parse({});
  const [page, t, ta, f] = await Promise.all([
    listAudit(db, actor, q),
    getTranslations('admin.audit'),
    getTranslations('auditAction'),
    getFormat(),
  ]);
  const params: Record<string, string | undefined> = {};
  for (const k of FILTER_KEYS) params[k] = q[k] === undefined ? undefined : String(q[k]);
  const filtered = FILTER_KEYS.some((k) => params[k]);
  const exportQuery = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1]))).toString();
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <a
            href={`/admin/audit/export.csv${exportQuery ? `?${exportQuery}` : ''}`}
            className={buttonClass('secondary')}
            download
            data-testid="audit-csv"
          >
            {t('exportCsv')}
          </a>
        }
      />
      <Card>
        <DataList
          rows={page.data}
          rowKey={(e) => e.id}
          rowTestId={(e) => `audit-row-${e.id}`}
          testId="audit-table"
          caption={t('title')}
          page={page.pagination}
          nav={{ basePath: '/admin/audit', query: params }}
          empty={{ title: filtered ? t('noMatch') : t('empty') }}
          filters={
            <>
              <AuditFilters values={params} />
              {!parsed.success && (
                <p className="mb-3 text-sm text-red-700" role="alert">
                  {t('badFilters')}
                </p>
              )}
            </>
          }
          columns={[
            { key: 'time', header: t('time'), className: 'align-top sm:whitespace-nowrap', cell: (e) => f.dateTime(e.created_at) },
            {
              key: 'actor',
              header: t('whoHeader'),
              className: 'align-top',
              cell: (e) =>
                e.actor_id ? (
                  <div className="min-w-0">
                    <Link
                      href={`/admin/audit?actor_id=${e.actor_id}`}
                      className="text-brand-700 wrap-anywhere hover:underline"
                      title={t('onlyThisPerson')}
                    >
                      {e.actor_name ?? e.actor_email ?? t('user', { id: e.actor_id })}
                    </Link>
                    <div className="mt-0.5 flex flex-wrap items-center gap-1 text-xs text-slate-500">
                      <Badge>{isRole(e.actor_role) ? t(`role.${e.actor_role}`) : e.actor_role}</Badge>
                      <span className="wrap-anywhere">{e.actor_email}</span>
                    </div>
                  </div>
                ) : (
                  <span className="text-slate-500">{t('system')}</span>
                ),
            },
            {
              key: 'action',
              header: t('what'),
              className: 'align-top',
              cell: (e) => (
                <div>
                  <span className="font-medium" data-testid="audit-action">
                    {localAuditLabel(ta, e.action)}
                  </span>
                  <div className="font-mono text-[11px] text-slate-400 wrap-anywhere" translate="no">
                    {e.action}
                  </div>
                </div>
              ),
            },
            { key: 'target', header: t('target.header'), className: 'align-top', cell: (e) => <Target e={e} t={t} /> },
            { key: 'changes', header: t('changes'), className: 'align-top sm:min-w-56', cell: (e) => <Changes e={e} t={t} /> },
            {
              key: 'ip',
              header: t('ip'),
              from: 'lg',
              className: 'align-top whitespace-nowrap font-mono text-xs',
              cell: (e) => e.ip ?? '—',
            },
          ]}
        />
      </Card>
    </>
  );
}

const ROLES = ['admin', 'reseller', 'client'] as const;
const isRole = (r: string): r is (typeof ROLES)[number] => (ROLES as readonly string[]).includes(r);
