// The cell and row classes of DataList (components/data-list.tsx), shared with the client components that
// render a list's rows from compact data (components/client-rows.tsx): one markup, whoever renders it. The
// long, repeated parts are the dl-* classes of app/globals.css (one short class a cell in the HTML).

export interface CellLayout {
  align?: 'left' | 'right';
  from?: 'md' | 'lg';
  className?: string;
}

export const FROM = { md: 'sm:hidden md:table-cell', lg: 'sm:hidden lg:table-cell' } as const;

export const ROW_CLASS = 'dl-row';

export const LABEL_CLASS = 'dl-label';

export function cellClass(c: CellLayout): string {
  let cls = 'dl-cell';
  if (c.align === 'right') cls += ' sm:text-right sm:tabular-nums';
  if (c.from) cls += ` ${FROM[c.from]}`;
  if (c.className) cls += ` ${c.className}`;
  return cls;
}

export function innerClass(label: string | false): string {
  return label ? 'dl-value' : 'dl-value max-sm:w-full max-sm:text-left';
}
