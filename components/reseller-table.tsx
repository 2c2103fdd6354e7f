// The admin's resellers list, server-rendered in the shared DataList: the status switch and the Delete
// dialog are the only client islands. On a phone every row is a card with its status and actions.
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { FormState } from '@/lib/http/form-action';
import { useFormat } from '@/lib/i18n/format';
import type { ResellerView } from '@/lib/services/resellers';
import { type Column, DataList, type ListNav, type ListPage } from './data-list';
import { DeleteResellerButton } from './delete-reseller-dialog';
import { StatusSwitch } from './status-switch';
import { Badge } from './ui';

type Action = (state: FormState, fd: FormData) => Promise<FormState>;

const actionLink =
  'inline-flex min-h-9 items-center rounded-lg px-2.5 text-sm font-medium text-slate-700 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600';

export function ResellerTable({
  rows,
  page,
  nav,
  sort,
  statusAction,
  deleteAction,
  empty,
  filters,
}: {
  rows: ResellerView[];
  page: ListPage;
  nav: ListNav;
  sort: { id: string; dir: 'asc' | 'desc' };
  statusAction: Action;
  deleteAction: Action;
  empty: { title: string; body?: React.ReactNode };
  filters?: React.ReactNode;
}) {
  const t = useTranslations('admin.resellerTable');
  const f = useFormat();
  const columns: Column<ResellerView>[] = [
    {
      key: 'name',
      header: t('reseller'),
      label: false,
      sort: 'name',
      cell: (r) => (
        <div className="min-w-36">
          <Link href={`/admin/resellers/${r.id}`} className="font-medium text-brand-700 hover:underline">
            {r.name}
          </Link>
          <div className="max-w-56 truncate text-xs text-slate-500 sm:max-w-none" title={r.email}>
            {r.email}
          </div>
        </div>
      ),
    },
    {
      key: 'type',
      header: t('type'),
      from: 'md',
      cell: (r) =>
        r.partner_type === 'commission' ? (
          <Badge tone="blue">{t('commission', { rate: r.commission_rate })}</Badge>
        ) : (
          <Badge>{t('ownPlans')}</Badge>
        ),
    },
    {
      key: 'credit',
      header: t('credit'),
      sort: 'credit_balance',
      align: 'right',
      className: 'whitespace-nowrap',
      cell: (r) => f.money(r.credit_balance),
    },
    {
      key: 'clients',
      header: t('clients'),
      sort: 'clients_count',
      align: 'right',
      cell: (r) => f.number(r.clients_count ?? 0),
    },
    {
      key: 'joined',
      header: t('joined'),
      sort: 'created_at',
      from: 'lg',
      className: 'whitespace-nowrap',
      cell: (r) => f.date(r.created_at),
    },
    {
      key: 'status',
      header: t('status'),
      cell: (r) =>
        r.status === 'archived' ? (
          <Badge>{t('archived')}</Badge>
        ) : (
          <StatusSwitch id={r.id} name={r.name} status={r.status} action={statusAction} compact />
        ),
    },
    {
      key: 'actions',
      header: <span className="sr-only">{t('actions')}</span>,
      label: false,
      align: 'right',
      cell: (r) => (
        <div className="flex justify-end gap-1 whitespace-nowrap">
          <Link href={`/admin/resellers/${r.id}/edit`} className={actionLink} aria-label={t('editName', { name: r.name })}>
            {t('edit')}
          </Link>
          <DeleteResellerButton target={{ id: r.id, name: r.name }} action={deleteAction} row />
        </div>
      ),
    },
  ];
  return (
    <DataList
      rows={rows}
      columns={columns}
      rowKey={(r) => r.id}
      rowTestId={(r) => `reseller-row-${r.id}`}
      testId="resellers-table"
      caption={t('caption')}
      page={page}
      nav={nav}
      sort={sort}
      empty={empty}
      filters={filters}
    />
  );
}
