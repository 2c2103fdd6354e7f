// Server-side pagination links that keep the current filters. A page with several paged lists names each
// list's page parameter (`param`) and keeps the scroll position when one of them moves.
import Link from 'next/link';

export function Pagination({
  basePath,
  params,
  page,
  pages,
  total,
  param = 'page',
  keepScroll = false,
}: {
  basePath: string;
  params: Record<string, string | undefined>;
  page: number;
  pages: number;
  total: number;
  param?: string;
  keepScroll?: boolean;
}) {
  const href = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
    q.set(param, String(p));
    return `${basePath}?${q.toString()}`;
  };
  const link = 'rounded-lg border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50';
  return (
    <div className="mt-4 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
      <span>
        {total.toLocaleString('en-US')} total · page {page} of {Math.max(pages, 1)}
      </span>
      <div className="flex gap-2">
        {page > 1 && (
          <Link className={link} href={href(page - 1)} scroll={!keepScroll}>
            Previous
          </Link>
        )}
        {page < pages && (
          <Link className={link} href={href(page + 1)} scroll={!keepScroll}>
            Next
          </Link>
        )}
      </div>
    </div>
  );
}

/** A GET search form: the URL holds the filters, so results are shareable and server-rendered. */
export function SearchBar({
  action,
  search,
  children,
  placeholder = 'Search name, email or phone',
}: {
  action: string;
  search?: string;
  children?: React.ReactNode;
  placeholder?: string;
}) {
  return (
    <form action={action} method="get" className="mb-4 flex flex-wrap gap-2" role="search">
      <input
        type="search"
        name="search"
        defaultValue={search}
        placeholder={placeholder}
        aria-label="Search"
        className="w-full min-w-0 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm sm:w-auto sm:flex-1"
      />
      {children}
      <button type="submit" className="rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50">
        Search
      </button>
    </form>
  );
}
