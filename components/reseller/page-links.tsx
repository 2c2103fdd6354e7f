// Previous / Next links for one of several paged lists on a page: `param` names its page number in the
// URL, and the other lists' state (`params`) is kept.
import Link from 'next/link';

export function PageLinks({ basePath, params, param, page, pages, total }: {
  basePath: string;
  params: Record<string, string | undefined>;
  param: string;
  page: number;
  pages: number;
  total: number;
}) {
  const href = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
    if (p > 1) q.set(param, String(p));
    const s = q.toString();
    return s ? `${basePath}?${s}` : basePath;
  };
  const link = 'rounded-lg border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50';
  return (
    <div className="mt-4 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
      <span>{total.toLocaleString('en-US')} total · page {page} of {Math.max(pages, 1)}</span>
      <div className="flex gap-2">
        {page > 1 && <Link className={link} href={href(page - 1)} scroll={false}>Previous</Link>}
        {page < pages && <Link className={link} href={href(page + 1)} scroll={false}>Next</Link>}
      </div>
    </div>
  );
}
