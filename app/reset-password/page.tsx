import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AuthCard } from '@/components/auth-card';
import { requestBrand } from '@/lib/auth/request-brand';
import { ResetForm } from './reset-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reset'))('newTitle') };
}

// Public: the e-mailed link lands here with ?token=…; the SMS path comes with ?email=… from the request form.
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string; email?: string }> }) {
  const { token, email } = await searchParams;
  const brand = await requestBrand();
  const t = await getTranslations('reset');
  return (
    <AuthCard
      brand={brand}
      title={token ? t('newTitle') : t('codeTitle')}
      footer={
        <Link href="/forgot-password" className="hover:underline">
          {t('title')}
        </Link>
      }
    >
      <ResetForm token={typeof token === 'string' ? token : null} email={typeof email === 'string' ? email : ''} />
    </AuthCard>
  );
}
