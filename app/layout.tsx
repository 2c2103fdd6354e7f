import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import { getDb } from '@/db';
import { requestBrand } from '@/lib/auth/request-brand';
import { getSettings } from '@/lib/services/settings';
import './globals.css';

/**
 * Titles and the favicon name whoever the host belongs to: on a reseller's subdomain its brand (and its
 * logo as the icon), never the platform; elsewhere the platform name from the settings. /favicon.ico
 * answers the same way for browsers that ask for it directly.
 */
export async function generateMetadata(): Promise<Metadata> {
  const brand = await requestBrand();
  const name = brand?.name ?? (await getSettings(await getDb())).platform_name;
  return {
    title: { default: name, template: `%s · ${name}` },
    description: brand ? `${brand.name} SMS` : 'Sell SMS gateway packages to your clients.',
    applicationName: name,
    icons: { icon: [{ url: brand?.logo_url ?? '/favicon.ico' }] },
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

// Every page renders per request: the proxy's script nonce is new each time (and pages read the session).
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
