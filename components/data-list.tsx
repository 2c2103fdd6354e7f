// The one list component of every portal table (issue 10 item 12). Server-rendered: the rows are HTML from
// the server, no copy of them travels to the browser as component props; menus and confirm buttons inside
// cells are small client islands. Sorting and paging are links (the page's server component reads the
// URL); filters sit above the table; the empty state and the phone layout live here once.
//
// Phone layout (below 640 px): each row is a card; every cell shows with its column's label, so a row's
// status and its actions are always on screen, never off to the right of a scrolling table.
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { useFormat } from '@/lib/i18n/format';
import { cellClass, FROM, innerClass, LABEL_CLASS, ROW_CLASS } from './data-list-cells';
import { PageSizeSelect } from './page-size-select';
import { EmptyState } from './ui';

export interface Column<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  align?: 'left' | 'right';
  /** The server's sort key for this column: its header becomes a sort link. */
  sort?: string;
  /** The label in the phone card (default: the header when it is text); false for none (titles, actions). */
  label?: string | false;
  /** Wide screens drop the column below this width to keep the table narrow; phone cards still show it. */
  from?: 'md' | 'lg';
  /** Extra classes for the cells (e.g. whitespace-nowrap). */
  className?: string;
}

export interface ListPage {
  page: number;
  limit: number;
  total: number;
  pages: number;
}

export interface ListNav {
  basePath: string;
  /** The filters to keep in every link (page, sort and limit are set per link). */
  query: Record<string, string | undefined>;
  /** The page's query parameter (two paged lists on one page need their own). */
  pageParam?: string;
  /** Keep the scroll position when paging (a list lower down a page). */
  keepScroll?: boolean;
  /** Offer a rows-per-page choice (the `limit` parameter). */
  pageSizes?: number[];
}

export function hrefWith(nav: ListNav, changes: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...nav.query, ...changes })) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${nav.basePath}?${s}` : nav.basePath;
}

export function DataList<T>({
  rows,
  columns,
  rowKey,
  testId,
  caption,
  empty,
  filters,
  page,
  nav,
  sort,
  rowTestId,
  body,
}: {
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string | number;
  testId?: string;
  caption: string;
  /** What an empty list says (and offers): "No clients yet. Create the first one." */
  empty: { title: string; body?: ReactNode };
  filters?: ReactNode;
  page?: ListPage;
  nav?: ListNav;
  sort?: { id: string; dir: 'asc' | 'desc' };
  rowTestId?: (row: T) => string;
  /** The rows already rendered (a client component over compact data, see client-rows.tsx): replaces the cells. */
  body?: ReactNode;
}) {
  const pastEnd = rows.length === 0 && page !== undefined && page.total > 0;
  const t = useTranslations('list');
  return (
    <div data-testid={testId ? `${testId}-list` : undefined}>
      {filters}
      {rows.length === 0 ? (
        pastEnd && nav ? (
          <EmptyState title={t('pastEnd')}>
            <Link className="text-brand-700 underline" href={hrefWith(nav, { [nav.pageParam ?? 'page']: undefined })}>
              {t('firstPage')}
            </Link>
          </EmptyState>
        ) : (
          <EmptyState title={empty.title}>{empty.body}</EmptyState>
        )
      ) : (
        <table className="w-full text-sm max-sm:block" data-testid={testId}>
          <caption className="sr-only">{caption}</caption>
          <thead className="text-left text-xs uppercase tracking-wide text-slate-500 max-sm:sr-only">
            <tr>
              {columns.map((c) => (
                <HeaderCell key={c.key} column={c} sort={sort} nav={nav} />
              ))}
            </tr>
          </thead>
          <tbody className="max-sm:block max-sm:space-y-3 sm:divide-y sm:divide-slate-100">
            {body ??
              rows.map((r) => (
                <tr key={rowKey(r)} data-testid={rowTestId?.(r)} className={ROW_CLASS}>
                  {columns.map((c) => {
                    const label = c.label ?? (typeof c.header === 'string' ? c.header : false);
                    return (
                      <td key={c.key} className={cellClass(c)}>
                        {label && <span className={LABEL_CLASS}>{label}</span>}
                        <div className={innerClass(label)}>{c.cell(r)}</div>
                      </td>
                    );
                  })}
                </tr>
              ))}
          </tbody>
        </table>
      )}
      {page && nav && rows.length > 0 && <Pager page={page} nav={nav} testId={testId} />}
    </div>
  );
}

function HeaderCell<T>({ column: c, sort, nav }: { column: Column<T>; sort?: { id: string; dir: 'asc' | 'desc' }; nav?: ListNav }) {
  const active = sort && c.sort === sort.id;
  const cls = `whitespace-nowrap px-2 py-2 font-medium first:pl-0 last:pr-0 ${c.align === 'right' ? 'text-right' : ''} ${c.from ? FROM[c.from] : ''}`;
  if (!c.sort || !nav || !sort) {
    return (
      <th scope="col" className={cls}>
        {c.header}
      </th>
    );
  }
  const nextDir = active && sort.dir === 'asc' ? 'desc' : active ? 'asc' : 'asc';
  return (
    <th scope="col" className={cls} aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <Link
        href={hrefWith(nav, { sort: c.sort, dir: nextDir, [nav.pageParam ?? 'page']: undefined })}
        scroll={!nav.keepScroll}
        className={`inline-flex items-center gap-1 rounded uppercase tracking-wide hover:text-slate-900 ${active ? 'text-slate-900' : ''}`}
      >
        {c.header}
        <span aria-hidden="true" className="text-[10px]">
          {active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </Link>
    </th>
  );
}

function Pager({ page, nav, testId }: { page: ListPage; nav: ListNav; testId?: string }) {
  const param = nav.pageParam ?? 'page';
  const from = page.total === 0 ? 0 : (page.page - 1) * page.limit + 1;
  const to = Math.min(page.total, page.page * page.limit);
  const link = 'inline-flex min-h-9 items-center rounded-lg border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50';
  const at = (p: number) => hrefWith(nav, { [param]: p > 1 ? p : undefined });
  const t = useTranslations('list');
  const f = useFormat();
  return (
    <nav aria-label={t('pages')} className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
      <span data-testid={testId ? `${testId}-range` : undefined}>
        {t('range', {
          from: f.number(from),
          to: f.number(to),
          total: f.number(page.total),
          page: f.number(page.page),
          pages: f.number(Math.max(page.pages, 1)),
        })}
      </span>
      <div className="flex flex-wrap items-center gap-2">
        {nav.pageSizes && (
          <PageSizeSelect sizes={nav.pageSizes} value={page.limit} href={hrefWith(nav, { [param]: undefined, limit: '__LIMIT__' })} />
        )}
        {page.page > 1 && (
          <Link className={link} href={at(page.page - 1)} scroll={!nav.keepScroll}>
            {t('previous')}
          </Link>
        )}
        {page.page < page.pages && (
          <Link className={link} href={at(page.page + 1)} scroll={!nav.keepScroll}>
            {t('next')}
          </Link>
        )}
      </div>
    </nav>
  );
}
