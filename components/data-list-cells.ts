// The cell and row classes of DataList (components/data-list.tsx), shared with the client components that
// render a list's rows from compact data (components/client-rows.tsx): one markup, whoever renders it.

export interface CellLayout {
  align?: 'left' | 'right';
  from?: 'md' | 'lg';
  className?: string;
}

export const FROM = { md: 'sm:hidden md:table-cell', lg: 'sm:hidden lg:table-cell' } as const;

export const ROW_CLASS =
  'align-middle max-sm:block max-sm:rounded-lg max-sm:border max-sm:border-slate-200 max-sm:bg-white max-sm:px-3 max-sm:py-2 sm:hover:bg-slate-50';

export const LABEL_CLASS = 'shrink-0 text-xs text-slate-500 sm:hidden';

export function cellClass(c: CellLayout): string {
  return `px-2 py-2.5 first:pl-0 last:pr-0 max-sm:flex max-sm:min-w-0 max-sm:items-baseline max-sm:justify-between max-sm:gap-3 max-sm:px-0 max-sm:py-1 ${c.align === 'right' ? 'sm:text-right sm:tabular-nums' : ''} ${c.from ? FROM[c.from] : ''} ${c.className ?? ''}`;
}

export function innerClass(label: string | false): string {
  return `min-w-0 max-sm:text-right ${label ? '' : 'max-sm:w-full max-sm:text-left'}`;
}
