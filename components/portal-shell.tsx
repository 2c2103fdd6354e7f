// The frame of each portal: brand, navigation (a row on wide screens, a folding menu on phones, the current
// page marked), who is signed in, sign out.
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { logoutAction } from '@/app/login/actions';
import { brandStyle } from './brand';
import { ClientMessages } from './client-messages';
import { CurrentNavLabel, type NavItem, NavLinks } from './nav-links';

export type { NavItem };

/** Whose name and logo the header shows: a reseller's brand, or the platform's name. */
export interface ShellBrand {
  name: string;
  logo_url: string | null;
  color: string | null;
}

export function PortalShell({
  portal,
  nav,
  userName,
  aside,
  brand,
  unread,
  children,
}: {
  portal: 'admin' | 'reseller' | 'client';
  nav: NavItem[];
  userName: string;
  aside?: React.ReactNode;
  brand?: ShellBrand | null;
  /** Unread notices: the bell shows it and leads to the portal's notifications page. */
  unread?: number;
  children: React.ReactNode;
}) {
  const t = useTranslations('shell');
  const portalName = t(`portal.${portal}`);
  // The portal's client components get their namespaces of the catalogue (lib/i18n/client-messages.ts).
  return (
    <ClientMessages scope={portal}>
      <div className="min-h-screen" style={brandStyle(brand?.color)}>
        <header className="sticky top-0 z-10 border-b border-slate-200 bg-white/95 backdrop-blur">
          <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-2.5">
            <Link href={nav[0]?.href ?? '/'} className="flex items-center gap-2 font-semibold">
              {brand?.logo_url ? (
                // eslint-disable-next-line @next/next/no-img-element -- a tenant's uploaded logo, served by our own route
                <img src={brand.logo_url} alt="" className="h-8 w-auto max-w-32 object-contain" />
              ) : (
                <span className="flex h-8 w-8 items-center justify-center rounded-lg bg-brand-600 text-sm font-bold text-white">
                  {(brand?.name ?? 'S').slice(0, 1).toUpperCase()}
                </span>
              )}
              <span className="hidden sm:inline" data-testid="shell-brand">
                {brand?.name ?? 'SMS'}
              </span>
              <span className="rounded-md bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600">{portalName}</span>
            </Link>
            <div className="flex items-center gap-3 text-sm">
              {aside}
              {unread !== undefined && (
                <Link
                  href={`/${portal}/notifications`}
                  className="relative rounded-lg px-2 py-1.5 text-slate-600 hover:bg-slate-100"
                  aria-label={t('bell', { count: unread })}
                  data-testid="bell"
                >
                  <span aria-hidden="true">🔔</span>
                  {unread > 0 && (
                    <span
                      className="ml-1 rounded-full bg-red-600 px-1.5 text-xs font-semibold text-white tabular-nums"
                      data-testid="bell-count"
                    >
                      {unread}
                    </span>
                  )}
                </Link>
              )}
              <Link
                href={`/${portal}/account`}
                className="hidden max-w-40 truncate rounded-lg px-2 py-1.5 text-slate-600 hover:bg-slate-100 md:inline"
                data-testid="signed-in-as"
              >
                {userName}
              </Link>
              <form action={logoutAction}>
                <button type="submit" className="rounded-lg px-2 py-1.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900">
                  {t('signOut')}
                </button>
              </form>
            </div>
          </div>
          <nav
            className="mx-auto hidden max-w-6xl gap-1 px-3 pb-2 text-sm sm:flex sm:flex-wrap"
            aria-label={t('navigation', { portal: portalName })}
          >
            <NavLinks items={nav} variant="row" />
          </nav>
          {/* Phones: the navigation folds into a menu (no sideways scrolling to discover pages). */}
          <details className="group border-t border-slate-100 text-sm sm:hidden" data-testid="nav-menu">
            <summary className="flex cursor-pointer list-none items-center justify-between gap-2 px-4 py-2.5 font-medium [&::-webkit-details-marker]:hidden">
              <span className="flex min-w-0 items-center gap-2">
                <span aria-hidden="true">☰</span> {t('menu')} <CurrentNavLabel items={nav} />
              </span>
              <span aria-hidden="true" className="text-slate-400 group-open:rotate-180">
                ▾
              </span>
            </summary>
            <nav className="space-y-0.5 px-3 pb-3" aria-label={t('menuLabel', { portal: portalName })}>
              <NavLinks items={nav} variant="menu" />
            </nav>
          </details>
        </header>
        <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
      </div>
    </ClientMessages>
  );
}
