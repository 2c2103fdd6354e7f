// The clients list (reseller's and admin's): name, status, package, expiry and usage today / this period,
// in the shared server-rendered DataList. Numbers show in the national format of the viewer's country.
import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatDate } from '@/lib/format';
import { type CountryCode, displayPhone } from '@/lib/phone';
import type { ClientView } from '@/lib/services/clients';
import { type Column, DataList, type ListNav, type ListPage } from './data-list';
import { StatusBadge } from './ui';

function Usage({ used, limit }: { used: number; limit: number }) {
  const pct = limit > 0 ? Math.min(100, Math.round((used / limit) * 100)) : 0;
  return (
    <div className="w-24 sm:ml-auto">
      <div className="tabular-nums">
        {used.toLocaleString('en-US')} / {limit.toLocaleString('en-US')}
      </div>
      <div className="mt-1 h-1.5 rounded-full bg-slate-100" aria-hidden="true">
        <div className={`h-1.5 rounded-full ${pct >= 90 ? 'bg-red-500' : 'bg-brand-600'}`} style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}

export function ClientList({
  rows,
  country,
  hrefBase,
  showReseller = false,
  packageLabel = (c) => c.package?.name ?? (c.status === 'trial' ? 'Free trial' : '—'),
  page,
  nav,
  sort,
  empty,
  filters,
}: {
  rows: ClientView[];
  /** The viewer's country, for showing phone numbers. */
  country: CountryCode;
  /** Links each name to its detail page (omit where there is none). */
  hrefBase?: string;
  /** Adds the owning reseller, linked to the admin's reseller page. */
  showReseller?: boolean;
  /** The package as the viewer sells it (a reseller's display name). */
  packageLabel?: (c: ClientView) => string;
  page?: ListPage;
  nav?: ListNav;
  sort?: { id: string; dir: 'asc' | 'desc' };
  empty: { title: string; body?: ReactNode };
  filters?: ReactNode;
}) {
  const columns: Column<ClientView>[] = [
    {
      key: 'name',
      header: 'Client',
      label: false,
      sort: nav && sort ? 'name' : undefined,
      cell: (c) => (
        <div className="min-w-0 max-w-[16rem] sm:max-w-xs">
          {hrefBase ? (
            <Link href={`${hrefBase}/${c.id}`} className="font-medium text-brand-700 hover:underline">
              {c.name}
            </Link>
          ) : (
            <span className="font-medium">{c.name}</span>
          )}
          <div className="truncate text-xs text-slate-500" title={c.email}>
            {c.email}
          </div>
          {c.phone && <div className="truncate text-xs text-slate-500">{displayPhone(c.phone, country)}</div>}
        </div>
      ),
    },
    ...(showReseller
      ? [
          {
            key: 'reseller',
            header: 'Reseller',
            cell: (c: ClientView) => (
              <Link href={`/admin/resellers/${c.reseller_id}`} className="text-brand-700 hover:underline">
                {c.reseller_name}
              </Link>
            ),
          },
        ]
      : []),
    { key: 'status', header: 'Status', cell: (c) => <StatusBadge status={c.status} /> },
    { key: 'package', header: 'Package', cell: (c) => packageLabel(c) },
    {
      key: 'expiry',
      header: 'Expires',
      sort: nav && sort ? 'expiry' : undefined,
      className: 'whitespace-nowrap',
      cell: (c) => formatDate(c.expires_at),
    },
    {
      key: 'today',
      header: 'Today',
      align: 'right',
      from: 'md',
      cell: (c) => <Usage used={c.usage.today} limit={c.usage.daily_limit} />,
    },
    {
      key: 'period',
      header: 'Period',
      align: 'right',
      from: 'md',
      cell: (c) => <Usage used={c.usage.period} limit={c.usage.period_limit} />,
    },
    {
      key: 'created',
      header: 'Created',
      sort: nav && sort ? 'created_at' : undefined,
      from: 'lg',
      className: 'whitespace-nowrap',
      cell: (c) => formatDate(c.created_at),
    },
  ];
  return (
    <DataList
      rows={rows}
      columns={columns}
      rowKey={(c) => c.id}
      rowTestId={(c) => `client-row-${c.id}`}
      testId="clients-table"
      caption="Clients"
      empty={empty}
      filters={filters}
      page={page}
      nav={nav}
      sort={sort}
    />
  );
}
