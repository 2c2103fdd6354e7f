import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AuthCard } from '@/components/auth-card';
import { requestBrand } from '@/lib/auth/request-brand';
import { ForgotForm } from './forgot-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reset'))('title') };
}

// Public: asking for a reset needs no session; on a brand's subdomain the page wears that brand.
export default async function ForgotPasswordPage() {
  const brand = await requestBrand();
  const t = await getTranslations('reset');
  return (
    <AuthCard
      brand={brand}
      title={t('title')}
      intro={t('intro')}
      footer={
        <Link href="/login" className="hover:underline">
          {t('back')}
        </Link>
      }
    >
      <ForgotForm />
    </AuthCard>
  );
}
