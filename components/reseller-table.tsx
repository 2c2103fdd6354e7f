// The admin's resellers list, server-rendered in the shared DataList: the status switch and the Delete
// dialog are the only client islands. On a phone every row is a card with its status and actions.
import Link from 'next/link';
import { formatDate, formatMoney } from '@/lib/format';
import type { FormState } from '@/lib/http/form-action';
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
  const columns: Column<ResellerView>[] = [
    {
      key: 'name',
      header: 'Reseller',
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
      header: 'Type',
      from: 'md',
      cell: (r) =>
        r.partner_type === 'commission' ? <Badge tone="blue">Commission {r.commission_rate}%</Badge> : <Badge>Own plans</Badge>,
    },
    {
      key: 'credit',
      header: 'Credit',
      sort: 'credit_balance',
      align: 'right',
      className: 'whitespace-nowrap',
      cell: (r) => formatMoney(r.credit_balance),
    },
    {
      key: 'clients',
      header: 'Clients',
      sort: 'clients_count',
      align: 'right',
      cell: (r) => (r.clients_count ?? 0).toLocaleString('en-US'),
    },
    {
      key: 'joined',
      header: 'Joined',
      sort: 'created_at',
      from: 'lg',
      className: 'whitespace-nowrap',
      cell: (r) => formatDate(r.created_at),
    },
    {
      key: 'status',
      header: 'Status',
      cell: (r) =>
        r.status === 'archived' ? (
          <Badge>archived</Badge>
        ) : (
          <StatusSwitch id={r.id} name={r.name} status={r.status} action={statusAction} compact />
        ),
    },
    {
      key: 'actions',
      header: <span className="sr-only">Actions</span>,
      label: false,
      align: 'right',
      cell: (r) => (
        <div className="flex justify-end gap-1 whitespace-nowrap">
          <Link href={`/admin/resellers/${r.id}/edit`} className={actionLink} aria-label={`Edit ${r.name}`}>
            Edit
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
      caption="Resellers"
      page={page}
      nav={nav}
      sort={sort}
      empty={empty}
      filters={filters}
    />
  );
}
