// 404 for every portal and host: on a reseller's subdomain it carries that brand, never the platform's name.
import type { Metadata } from 'next';
import Link from 'next/link';
import { brandStyle } from '@/components/brand';
import { getDb } from '@/db';
import { requestBrand } from '@/lib/auth/request-brand';
import { getSettings } from '@/lib/services/settings';

export const metadata: Metadata = { title: 'Page not found' };

export default async function NotFound() {
  const brand = await requestBrand();
  const name = brand?.name ?? (await getSettings(await getDb())).platform_name;
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-10" style={brandStyle(brand?.color)}>
      <div className="w-full max-w-sm text-center" data-testid="not-found">
        {brand?.logo_url ? (
          // eslint-disable-next-line @next/next/no-img-element -- a tenant's uploaded logo, served by our own route
          <img src={brand.logo_url} alt={`${brand.name} logo`} className="mx-auto mb-3 h-12 w-auto max-w-48 object-contain" />
        ) : null}
        <p className="text-sm font-medium text-slate-500">{name}</p>
        <h1 className="mt-1 text-xl font-semibold">Page not found</h1>
        <p className="mt-2 text-sm text-slate-600">The page you asked for does not exist, or you cannot see it.</p>
        <Link href="/" className="mt-5 inline-block rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          Go to the start page
        </Link>
      </div>
    </main>
  );
}
