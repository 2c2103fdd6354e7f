import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/action-form';
import { getDb } from '@/db';
import { hasAdmin } from '@/lib/services/seed';
import { setupAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('setup'))('metaTitle') };
}

// First run on an empty database: create the first admin. Gone once an admin exists.
export default async function SetupPage() {
  if (await hasAdmin(await getDb())) redirect('/login');
  const t = await getTranslations('setup');
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="w-full max-w-md">
        <div className="mb-6 text-center">
          <h1 className="text-xl font-semibold">{t('title')}</h1>
          <p className="mt-1 text-sm text-slate-500">{t('subtitle')}</p>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <ActionForm
            action={setupAction}
            columns={1}
            submitLabel={t('submit')}
            testId="setup-form"
            fields={[
              { name: 'name', label: t('name'), required: true },
              { name: 'email', label: t('email'), type: 'email', required: true, autoComplete: 'username' },
              { name: 'password', label: t('password'), type: 'password', required: true, autoComplete: 'new-password' },
              { name: 'password_confirmation', label: t('confirm'), type: 'password', required: true, autoComplete: 'new-password' },
            ]}
          />
        </div>
      </div>
    </main>
  );
}
