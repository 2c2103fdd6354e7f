// The clients list (reseller's and admin's): name, status, package, expiry and usage today / this period,
// in the shared server-rendered DataList. Numbers show in the national format of the viewer's country.
// The rows are formatted here, on the server, and sent once as compact data to ClientRows (a small client
// component): no second copy of every row's markup in the page's RSC payload.
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { useFormat } from '@/lib/i18n/format';
import { type CountryCode, displayPhone } from '@/lib/phone';
import type { ClientView } from '@/lib/services/clients';
import { type ClientRowColumn, type ClientRowData, ClientRows } from './client-rows';
import { type Column, DataList, type ListNav, type ListPage } from './data-list';
import { statusTone } from './ui';

export function ClientList({
  rows,
  country,
  hrefBase,
  showReseller = false,
  packageLabel,
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
  const t = useTranslations('status');
  const tl = useTranslations('clientList');
  const f = useFormat();
  const label = packageLabel ?? ((c: ClientView) => c.package?.name ?? (c.status === 'trial' ? tl('freeTrial') : '—'));
  const sortable = Boolean(nav && sort);
  // The cells are ClientRows' (by key); these columns give the headers, sort links and layout.
  const none = () => null;
  const columns: Column<ClientView>[] = [
    { key: 'name', header: tl('client'), label: false, sort: sortable ? 'name' : undefined, cell: none },
    ...(showReseller ? [{ key: 'reseller', header: tl('reseller'), cell: none }] : []),
    { key: 'status', header: tl('status'), cell: none },
    { key: 'package', header: tl('package'), cell: none },
    { key: 'expiry', header: tl('expires'), sort: sortable ? 'expiry' : undefined, className: 'whitespace-nowrap', cell: none },
    { key: 'today', header: tl('today'), align: 'right', from: 'md', cell: none },
    { key: 'period', header: tl('period'), align: 'right', from: 'md', cell: none },
    {
      key: 'created',
      header: tl('created'),
      sort: sortable ? 'created_at' : undefined,
      from: 'lg',
      className: 'whitespace-nowrap',
      cell: none,
    },
  ];
  const layout: ClientRowColumn[] = columns.map((c) => ({
    key: c.key,
    label: c.label ?? (typeof c.header === 'string' ? c.header : false),
    align: c.align,
    from: c.from,
    className: c.className,
  }));
  const data: ClientRowData[] = rows.map((c) => ({
    id: c.id,
    name: c.name,
    email: c.email,
    phone: c.phone ? displayPhone(c.phone, country) : '',
    ...(showReseller ? { reseller: [c.reseller_id, c.reseller_name] as [number, string] } : {}),
    status: t.has(c.status) ? t(c.status) : c.status,
    tone: statusTone(c.status),
    pkg: label(c),
    expires: f.date(c.expires_at),
    created: f.date(c.created_at),
    today: [c.usage.today, c.usage.daily_limit],
    period: [c.usage.period, c.usage.period_limit],
  }));
  return (
    <DataList
      rows={rows}
      columns={columns}
      rowKey={(c) => c.id}
      testId="clients-table"
      caption={tl('caption')}
      empty={empty}
      filters={filters}
      page={page}
      nav={nav}
      sort={sort}
      body={<ClientRows rows={data} columns={layout} hrefBase={hrefBase} />}
    />
  );
}
