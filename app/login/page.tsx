import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { brandStyle } from '@/components/brand';
import { getDb } from '@/db';
import { PORTAL, sessionUser } from '@/lib/auth/session';
import { brandFromRequestHost } from '@/lib/services/branding';
import { hasAdmin } from '@/lib/services/seed';
import { LoginForm } from './login-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('login'))('title') };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ signed_out?: string; setup?: string; reset?: string }>;
}) {
  const user = await sessionUser();
  if (user) redirect(PORTAL[user.actor.role]);
  // A fresh PostgreSQL database without ADMIN_EMAIL: the first admin is created on /setup.
  if (!(await hasAdmin(await getDb()))) redirect('/setup');
  const { signed_out, setup, reset } = await searchParams;
  const h = await headers();
  const brand = await brandFromRequestHost(await getDb(), h.get('x-forwarded-host') ?? h.get('host'));
  const t = await getTranslations('login');
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-10" style={brandStyle(brand?.color)}>
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center" data-testid="login-brand">
          {brand?.logo_url ? (
            // eslint-disable-next-line @next/next/no-img-element -- a tenant's uploaded logo, served by our own route
            <img src={brand.logo_url} alt={t('logo', { brand: brand.name })} className="mx-auto mb-3 h-12 w-auto max-w-48 object-contain" />
          ) : (
            <div className="mx-auto mb-3 flex h-11 w-11 items-center justify-center rounded-xl bg-brand-600 text-lg font-bold text-white">
              {(brand?.name ?? 'S').slice(0, 1).toUpperCase()}
            </div>
          )}
          <h1 className="text-xl font-semibold">{brand ? t('titleBrand', { brand: brand.name }) : t('title')}</h1>
          <p className="mt-1 text-sm text-slate-500">{brand ? t('subtitleBrand', { brand: brand.name }) : t('subtitle')}</p>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          {setup && (
            <p role="status" className="mb-4 rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
              {t('adminCreated')}
            </p>
          )}
          {reset && (
            <p role="status" className="mb-4 rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800" data-testid="reset-done">
              {(await getTranslations('reset'))('done')}
            </p>
          )}
          {signed_out && <p className="mb-4 rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-600">{t('signedOut')}</p>}
          <LoginForm />
          <p className="mt-4 text-center text-sm">
            <Link href="/forgot-password" className="text-brand-700 hover:underline" data-testid="forgot-link">
              {t('forgot')}
            </Link>
          </p>
        </div>
        {brand && (brand.support_email || brand.support_phone) && (
          <p className="mt-4 text-center text-sm text-slate-500">
            {t('help')} {[brand.support_email, brand.support_phone].filter(Boolean).join(' · ')}
          </p>
        )}
      </div>
    </main>
  );
}
