// The list filters' search box (the pager lives in components/data-list.tsx).
import { useTranslations } from 'next-intl';
/** A GET search form: the URL holds the filters, so results are shareable and server-rendered. */
export function SearchBar({
  action,
  search,
  children,
  placeholder,
}: {
  action: string;
  search?: string;
  children?: React.ReactNode;
  placeholder?: string;
}) {
  const t = useTranslations('list');
  return (
    <form action={action} method="get" className="mb-4 flex flex-wrap gap-2" role="search">
      <input
        type="search"
        name="search"
        defaultValue={search}
        placeholder={placeholder ?? t('searchPlaceholder')}
        aria-label={t('search')}
        className="w-full min-w-0 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm sm:w-auto sm:flex-1"
      />
      {children}
      <button type="submit" className="rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50">
        {t('search')}
      </button>
    </form>
  );
}
