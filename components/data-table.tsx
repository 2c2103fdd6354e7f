'use client';
import {
  createColumnHelper,
  type PaginationState,
  type RowData,
  rowPaginationFeature,
  rowSortingFeature,
  type SortingState,
  type TableOptions,
  tableFeatures,
  type Updater,
  useTable,
} from '@tanstack/react-table';
// The shared table for server-paginated lists, on @tanstack/react-table v9. The server owns the rows:
// sorting and paging are "manual", and a change only rewrites the URL (sort, dir, page, limit) so the
// page's server component queries the next slice. Nothing here ever holds more than one page.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';

export interface DataTableColumnMeta {
  /** Classes for both the header and the cells, e.g. 'hidden md:table-cell' to drop a column on phones. */
  className?: string;
  align?: 'left' | 'right';
}

export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  columnMeta: {} as DataTableColumnMeta,
});
export type DataTableFeatures = typeof dataTableFeatures;
export const dataTableColumns = <T extends RowData>() => createColumnHelper<DataTableFeatures, T>();

export interface DataTablePage {
  page: number;
  limit: number;
  total: number;
  pages: number;
}

const PAGE_SIZES = [10, 20, 50, 100];

/** A plain left click is handled in the page; ctrl/cmd/shift/middle clicks keep the link's own behaviour. */
const plainClick = (e: React.MouseEvent) => e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;

function resolve<T>(updater: Updater<T>, current: T): T {
  return typeof updater === 'function' ? (updater as (old: T) => T)(current) : updater;
}

export function DataTable<T extends { id: number | string }>({
  data,
  columns,
  pagination,
  sort,
  basePath,
  query,
  testId,
  caption,
}: {
  data: T[];
  columns: TableOptions<DataTableFeatures, T>['columns'];
  pagination: DataTablePage;
  /** The server's current order; column ids are the server's sort keys. */
  sort: { id: string; dir: 'asc' | 'desc' };
  basePath: string;
  /** The current URL query (filters) to keep when sorting or paging. */
  query: Record<string, string | undefined>;
  testId?: string;
  caption?: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  const href = (changes: Record<string, string | number | undefined>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...query, ...changes })) if (v !== undefined && v !== '') q.set(k, String(v));
    const s = q.toString();
    return s ? `${basePath}?${s}` : basePath;
  };
  const go = (url: string) => startTransition(() => router.push(url, { scroll: false }));

  const sorting: SortingState = [{ id: sort.id, desc: sort.dir === 'desc' }];
  const paginationState: PaginationState = { pageIndex: pagination.page - 1, pageSize: pagination.limit };

  const table = useTable({
    features: dataTableFeatures,
    columns,
    data,
    getRowId: (row) => String(row.id),
    state: { sorting, pagination: paginationState },
    manualSorting: true,
    manualPagination: true,
    rowCount: pagination.total,
    enableSortingRemoval: false,
    enableMultiSort: false,
    onSortingChange: (updater) => {
      const [next] = resolve(updater, sorting);
      if (next) go(href({ sort: next.id, dir: next.desc ? 'desc' : 'asc', page: undefined }));
    },
    onPaginationChange: (updater) => {
      const next = resolve(updater, paginationState);
      // A new page size starts again at page 1: the old page number would point somewhere else.
      const page = next.pageSize !== paginationState.pageSize ? 1 : next.pageIndex + 1;
      go(href({ page: page > 1 ? page : undefined, limit: next.pageSize }));
    },
  });

  const from = pagination.total === 0 ? 0 : (pagination.page - 1) * pagination.limit + 1;
  const to = Math.min(pagination.total, pagination.page * pagination.limit);
  const pageLink = 'rounded-lg border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50';

  return (
    <div aria-busy={pending}>
      <div className={`relative -mx-4 overflow-x-auto transition-opacity sm:mx-0 ${pending ? 'opacity-60' : ''}`}>
        <table className="min-w-full text-sm" data-testid={testId}>
          {caption && <caption className="sr-only">{caption}</caption>}
          <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const meta = header.column.columnDef.meta;
                  const sorted = header.column.getIsSorted();
                  const align = meta?.align === 'right' ? 'text-right' : 'text-left';
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                      className={`whitespace-nowrap px-2 py-2 font-medium first:pl-4 sm:first:pl-2 ${align} ${meta?.className ?? ''}`}
                    >
                      {header.isPlaceholder ? null : header.column.getCanSort() ? (
                        <button
                          type="button"
                          onClick={header.column.getToggleSortingHandler()}
                          className={`inline-flex items-center gap-1 rounded uppercase tracking-wide hover:text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 ${sorted ? 'text-slate-900' : ''}`}
                        >
                          <table.FlexRender header={header} />
                          <span aria-hidden="true" className="text-[10px]">
                            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                          </span>
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-slate-100">
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className="hover:bg-slate-50">
                {row.getAllCells().map((cell) => {
                  const meta = cell.column.columnDef.meta;
                  return (
                    <td
                      key={cell.id}
                      className={`px-2 py-2.5 align-middle first:pl-4 sm:first:pl-2 ${meta?.align === 'right' ? 'text-right tabular-nums' : ''} ${meta?.className ?? ''}`}
                    >
                      <table.FlexRender cell={cell} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label="Pages" className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
        <span data-testid={testId ? `${testId}-range` : undefined}>
          {from.toLocaleString('en-US')}–{to.toLocaleString('en-US')} of {pagination.total.toLocaleString('en-US')} · page {pagination.page}{' '}
          of {Math.max(table.getPageCount(), 1)}
        </span>
        <div className="flex flex-wrap items-center gap-2">
          <label className="flex items-center gap-1.5">
            <span>Rows</span>
            <select
              value={pagination.limit}
              onChange={(e) => table.setPageSize(Number(e.target.value))}
              className="rounded-lg border border-slate-300 bg-white px-2 py-1.5"
            >
              {PAGE_SIZES.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          {table.getCanPreviousPage() && (
            <Link
              className={pageLink}
              href={href({ page: pagination.page - 1 > 1 ? pagination.page - 1 : undefined })}
              onClick={(e) => {
                if (plainClick(e)) {
                  e.preventDefault();
                  table.previousPage();
                }
              }}
              scroll={false}
            >
              Previous
            </Link>
          )}
          {table.getCanNextPage() && (
            <Link
              className={pageLink}
              href={href({ page: pagination.page + 1 })}
              onClick={(e) => {
                if (plainClick(e)) {
                  e.preventDefault();
                  table.nextPage();
                }
              }}
              scroll={false}
            >
              Next
            </Link>
          )}
        </div>
      </nav>
    </div>
  );
}
