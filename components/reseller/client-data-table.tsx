'use client';
// The reseller's clients list: one server page of rows in the shared DataTable, sorted and paged through
// the URL. On a phone: name, status and expiry; usage and creation date appear on wider screens.
import Link from 'next/link';
import { useMemo } from 'react';
import { DataTable, type DataTablePage, dataTableColumns } from '@/components/data-table';
import { StatusBadge } from '@/components/ui';
import { formatDate } from '@/lib/format';
import type { ClientView } from '@/lib/services/clients';

export interface ClientRow extends ClientView {
  /** The package as this reseller sells it (its display name), or "Free trial". */
  package_label: string;
  expiry: string | null;
}

const col = dataTableColumns<ClientRow>();

function Usage({ used, limit }: { used: number; limit: number }) {
  const pct = limit > 0 ? Math.min(100, Math.round((used / limit) * 100)) : 0;
  return (
    <div className="ml-auto w-24">
      <div className="tabular-nums">
        {used.toLocaleString('en-US')} / {limit.toLocaleString('en-US')}
      </div>
      <div className="mt-1 h-1.5 rounded-full bg-slate-100" aria-hidden="true">
        <div className={`h-1.5 rounded-full ${pct >= 90 ? 'bg-red-500' : 'bg-brand-600'}`} style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}

export function ClientDataTable({
  rows,
  pagination,
  sort,
  query,
}: {
  rows: ClientRow[];
  pagination: DataTablePage;
  sort: { id: string; dir: 'asc' | 'desc' };
  query: Record<string, string | undefined>;
}) {
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor('name', {
          header: 'Client',
          cell: ({ row }) => {
            const c = row.original;
            return (
              <div className="min-w-0 max-w-[11rem] sm:max-w-xs">
                <Link href={`/reseller/clients/${c.id}`} className="font-medium text-brand-700 hover:underline">
                  {c.name}
                </Link>
                <div className="truncate text-xs text-slate-500" title={c.email}>
                  {c.email}
                </div>
                {c.phone && <div className="truncate text-xs text-slate-500">{c.phone}</div>}
              </div>
            );
          },
        }),
        col.accessor('status', {
          header: 'Status',
          enableSorting: false,
          cell: ({ row }) => (
            <div>
              <StatusBadge status={row.original.status} />
              <div className="mt-1 text-xs text-slate-500 sm:hidden">{row.original.package_label}</div>
            </div>
          ),
        }),
        col.accessor('package_label', {
          header: 'Package',
          enableSorting: false,
          meta: { className: 'hidden sm:table-cell' },
        }),
        col.accessor('expiry', {
          id: 'expiry',
          header: 'Expires',
          meta: { className: 'whitespace-nowrap' },
          cell: ({ getValue }) => formatDate(getValue()),
        }),
        col.display({
          id: 'today',
          header: 'Today',
          meta: { align: 'right', className: 'hidden md:table-cell' },
          cell: ({ row }) => <Usage used={row.original.usage.today} limit={row.original.usage.daily_limit} />,
        }),
        col.display({
          id: 'period',
          header: 'Period',
          meta: { align: 'right', className: 'hidden md:table-cell' },
          cell: ({ row }) => <Usage used={row.original.usage.period} limit={row.original.usage.period_limit} />,
        }),
        col.accessor('created_at', {
          header: 'Created',
          sortDescFirst: true,
          meta: { className: 'hidden whitespace-nowrap lg:table-cell' },
          cell: ({ getValue }) => formatDate(getValue()),
        }),
      ]),
    [],
  );
  return (
    <DataTable
      data={rows}
      columns={columns}
      pagination={pagination}
      sort={sort}
      basePath="/reseller/clients"
      query={query}
      testId="clients-table"
      caption="Clients"
    />
  );
}
