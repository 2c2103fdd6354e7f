// 404 for every portal and host: on a reseller's subdomain it carries that brand, never the platform's name.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { brandStyle } from '@/components/brand';
import { getDb } from '@/db';
import { requestBrand } from '@/lib/auth/request-brand';
import { getSettings } from '@/lib/services/settings';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('notFound'))('title') };
}

export default async function NotFound() {
  const brand = await requestBrand();
  const name = brand?.name ?? (await getSettings(await getDb())).platform_name;
  const t = await getTranslations('notFound');
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-10" style={brandStyle(brand?.color)}>
      <div className="w-full max-w-sm text-center" data-testid="not-found">
        {brand?.logo_url ? (
          // eslint-disable-next-line @next/next/no-img-element -- a tenant's uploaded logo, served by our own route
          <img src={brand.logo_url} alt={t('logo', { brand: brand.name })} className="mx-auto mb-3 h-12 w-auto max-w-48 object-contain" />
        ) : null}
        <p className="text-sm font-medium text-slate-500">{name}</p>
        <h1 className="mt-1 text-xl font-semibold">{t('title')}</h1>
        <p className="mt-2 text-sm text-slate-600">{t('body')}</p>
        <Link href="/" className="mt-5 inline-block rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          {t('home')}
        </Link>
      </div>
    </main>
  );
}
