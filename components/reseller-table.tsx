'use client';
// The admin's resellers list: one server page of rows in the shared DataTable, with the instant status
// switch and the Edit / Delete row actions. On a phone: name, credit, status and actions.
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { formatDate, formatMoney } from '@/lib/format';
import type { FormState } from '@/lib/http/form-action';
import type { ResellerView } from '@/lib/services/resellers';
import { DataTable, type DataTablePage, dataTableColumns } from './data-table';
import { DeleteResellerDialog, type DeleteTarget } from './delete-reseller-dialog';
import { StatusSwitch } from './status-switch';
import { Badge } from './ui';

type Action = (state: FormState, fd: FormData) => Promise<FormState>;

const col = dataTableColumns<ResellerView>();

const actionLink =
  'inline-flex min-h-9 items-center rounded-lg px-2.5 text-sm font-medium hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600';

export function ResellerTable({
  rows,
  pagination,
  sort,
  query,
  statusAction,
  deleteAction,
}: {
  rows: ResellerView[];
  pagination: DataTablePage;
  sort: { id: string; dir: 'asc' | 'desc' };
  query: Record<string, string | undefined>;
  statusAction: Action;
  deleteAction: Action;
}) {
  const [deleting, setDeleting] = useState<DeleteTarget | null>(null);
  // After a successful delete the row is gone from the page (archived): the dialog closes with it.
  const target = deleting && rows.some((r) => r.id === deleting.id) ? deleting : null;

  const columns = useMemo(
    () =>
      col.columns([
        col.accessor('name', {
          header: 'Reseller',
          cell: ({ row }) => (
            <div className="min-w-36">
              <Link href={`/admin/resellers/${row.original.id}`} className="font-medium text-brand-700 hover:underline">
                {row.original.name}
              </Link>
              <div className="max-w-44 truncate text-xs text-slate-500 sm:max-w-none" title={row.original.email}>
                {row.original.email}
              </div>
            </div>
          ),
        }),
        col.accessor('partner_type', {
          header: 'Type',
          enableSorting: false,
          meta: { className: 'hidden md:table-cell' },
          cell: ({ row }) =>
            row.original.partner_type === 'commission' ? (
              <Badge tone="blue">Commission {row.original.commission_rate}%</Badge>
            ) : (
              <Badge>Own plans</Badge>
            ),
        }),
        col.accessor('credit_balance', {
          header: 'Credit',
          sortDescFirst: true,
          meta: { align: 'right', className: 'whitespace-nowrap' },
          cell: ({ getValue }) => formatMoney(getValue()),
        }),
        col.accessor((r) => r.clients_count ?? 0, {
          id: 'clients_count',
          header: 'Clients',
          sortDescFirst: true,
          meta: { align: 'right', className: 'hidden sm:table-cell' },
          cell: ({ getValue }) => getValue().toLocaleString('en-US'),
        }),
        col.accessor('created_at', {
          header: 'Joined',
          sortDescFirst: true,
          meta: { className: 'hidden whitespace-nowrap lg:table-cell' },
          cell: ({ getValue }) => formatDate(getValue()),
        }),
        col.display({
          id: 'status',
          header: 'Status',
          cell: ({ row }) => {
            const r = row.original;
            return r.status === 'archived' ? (
              <Badge>archived</Badge>
            ) : (
              <StatusSwitch id={r.id} name={r.name} status={r.status} action={statusAction} compact />
            );
          },
        }),
        col.display({
          id: 'actions',
          header: () => <span className="sr-only">Actions</span>,
          meta: { align: 'right' },
          cell: ({ row }) => (
            <div className="flex justify-end gap-1 whitespace-nowrap">
              <Link
                href={`/admin/resellers/${row.original.id}/edit`}
                className={`${actionLink} text-slate-700`}
                aria-label={`Edit ${row.original.name}`}
              >
                Edit
              </Link>
              <button
                type="button"
                onClick={() => setDeleting({ id: row.original.id, name: row.original.name })}
                className={`${actionLink} text-red-700 hover:bg-red-50`}
                aria-label={`Delete ${row.original.name}`}
              >
                Delete
              </button>
            </div>
          ),
        }),
      ]),
    [statusAction],
  );

  return (
    <>
      <DataTable
        data={rows}
        columns={columns}
        pagination={pagination}
        sort={sort}
        basePath="/admin/resellers"
        query={query}
        testId="resellers-table"
        caption="Resellers"
      />
      <DeleteResellerDialog target={target} action={deleteAction} onClose={() => setDeleting(null)} />
    </>
  );
}
