import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/action-form';
import { Badge, Card, Notice, PageHeader } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { listAllPackages } from '@/lib/services/packages';
import { idParam } from '@/lib/validation/common';
import { updatePackageAction } from '../actions';
import { packageFields } from '../package-fields';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.packages'))('editTitle') };
}

export default async function EditPackagePage({ params }: { params: Promise<{ id: string }> }) {
  const { db, actor } = await requireRole('admin');
  const id = idParam.safeParse((await params).id);
  if (!id.success) notFound();
  // The catalog is a handful of rows; the full list is the admin's read of it.
  const pkg = (await listAllPackages(db, actor)).find((p) => p.id === id.data);
  if (!pkg) notFound();
  const [t, tf] = await Promise.all([getTranslations('admin.packages'), getTranslations('admin.packageFields')]);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/packages" className="text-brand-700 hover:underline">
          ← {t('title')}
        </Link>
      </p>
      <PageHeader
        title={t('editName', { name: pkg.name })}
        subtitle={
          <>
            <span className="font-mono">{pkg.package_type}</span>{' '}
            {pkg.active ? <Badge tone="green">{t('onSaleBadge')}</Badge> : <Badge>{t('disabledBadge')}</Badge>}
          </>
        }
      />
      <div className="mb-4">
        <Notice>{t('editNotice')}</Notice>
      </div>
      <Card>
        <ActionForm
          action={updatePackageAction}
          submitLabel={t('save')}
          testId="edit-package-form"
          fields={[
            { name: 'id', label: '', type: 'hidden', defaultValue: String(pkg.id) },
            ...packageFields(tf, pkg),
            {
              name: 'active',
              label: t('status'),
              type: 'select',
              defaultValue: String(pkg.active),
              options: [
                { value: 'true', label: t('onSale') },
                { value: 'false', label: t('disabledOption') },
              ],
            },
          ]}
        />
      </Card>
    </>
  );
}
