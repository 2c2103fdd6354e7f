import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import { getLocale, getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/client-messages';
import { LanguageSwitcher } from '@/components/language-switcher';
import { getDb } from '@/db';
import { requestBrand } from '@/lib/auth/request-brand';
import { languageOf } from '@/lib/i18n/locales';
import { getSettings } from '@/lib/services/settings';
import './globals.css';

/**
 * Titles and the favicon name whoever the host belongs to: on a reseller's subdomain its brand (and its
 * logo as the icon), never the platform; elsewhere the platform name from the settings. /favicon.ico
 * answers the same way for browsers that ask for it directly.
 */
export async function generateMetadata(): Promise<Metadata> {
  const brand = await requestBrand();
  const t = await getTranslations('meta');
  const name = brand?.name ?? (await getSettings(await getDb())).platform_name;
  return {
    title: { default: name, template: `%s · ${name}` },
    description: brand ? t('brandDescription', { brand: brand.name }) : t('description'),
    applicationName: name,
    icons: { icon: [{ url: brand?.logo_url ?? '/favicon.ico' }] },
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

// Every page renders per request: the proxy's script nonce is new each time (and pages read the session).
// The language is the reader's (lib/i18n/resolve.ts); the switcher is on every page, signed in or not. The
// browser gets only the messages of the client components outside the portals; each portal layout adds its own.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  const locale = await getLocale();
  return (
    <html lang={languageOf(locale)}>
      <body className="flex min-h-screen flex-col font-sans">
        <ClientMessages scope="root">
          <div className="flex-1">{children}</div>
          <footer className="mx-auto flex w-full max-w-6xl justify-end px-4 py-3">
            <LanguageSwitcher />
          </footer>
        </ClientMessages>
      </body>
    </html>
  );
}
