'use client';
// The portal navigation's links, marking the current page (aria-current) — the only part of the shell
// that needs the browser's path. `variant` is the wide row or the phone menu's list.
import Link from 'next/link';
import { usePathname } from 'next/navigation';

export interface NavItem {
  href: string;
  label: string;
}

/** The nav item for a path: the longest href that is the path or a parent of it. */
export function currentNav(items: NavItem[], path: string): NavItem | undefined {
  return items.filter((n) => path === n.href || path.startsWith(`${n.href}/`)).sort((a, b) => b.href.length - a.href.length)[0];
}

export function NavLinks({ items, variant }: { items: NavItem[]; variant: 'row' | 'menu' }) {
  const path = usePathname();
  const current = currentNav(items, path);
  return items.map((n) => {
    const active = n === current;
    const base = variant === 'row' ? 'whitespace-nowrap rounded-lg px-3 py-1.5' : 'block rounded-lg px-3 py-2.5';
    return (
      <Link
        key={n.href}
        href={n.href}
        aria-current={active ? 'page' : undefined}
        // Following a link from the phone menu folds the menu again.
        onClick={variant === 'menu' ? (e) => e.currentTarget.closest('details')?.removeAttribute('open') : undefined}
        className={`${base} ${active ? 'bg-brand-50 font-medium text-brand-700' : 'text-slate-600 hover:bg-slate-100 hover:text-slate-900'}`}
      >
        {n.label}
      </Link>
    );
  });
}

/** The phone menu's summary line: "Menu · Clients". */
export function CurrentNavLabel({ items }: { items: NavItem[] }) {
  const current = currentNav(items, usePathname());
  return <span className="truncate text-slate-500">{current ? current.label : ''}</span>;
}
