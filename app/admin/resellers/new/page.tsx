// /admin/resellers/new — create a reseller; on success the action opens its page with ?created=1.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ResellerForm } from '@/components/reseller-form';
import { Card, PageHeader } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { getSettings } from '@/lib/services/settings';
import { createResellerAction } from '../../actions';
import { checkSubdomainAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.resellers'))('newTitle') };
}

export default async function NewResellerPage() {
  const { db } = await requireRole('admin');
  const [{ base_domain }, t] = await Promise.all([getSettings(db), getTranslations('admin.resellers')]);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/resellers" className="text-brand-700 hover:underline">
          ← {t('title')}
        </Link>
      </p>
      <PageHeader title={t('newTitle')} subtitle={t('newSubtitle')} />
      <Card>
        <ResellerForm
          mode="create"
          action={createResellerAction}
          checkSubdomain={checkSubdomainAction}
          baseDomain={base_domain}
          testId="create-reseller-form"
        />
      </Card>
    </>
  );
}
