// The list filters' search box (the pager lives in components/data-list.tsx).
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
