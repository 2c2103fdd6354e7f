import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActionForm } from '@/components/action-form';
import { Badge, Card, Notice, PageHeader } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { listAllPackages } from '@/lib/services/packages';
import { idParam } from '@/lib/validation/common';
import { updatePackageAction } from '../actions';
import { packageFields } from '../package-fields';

export const metadata: Metadata = { title: 'Edit package' };

export default async function EditPackagePage({ params }: { params: Promise<{ id: string }> }) {
  const { db, actor } = await requireRole('admin');
  const id = idParam.safeParse((await params).id);
  if (!id.success) notFound();
  // The catalog is a handful of rows; the full list is the admin's read of it.
  const pkg = (await listAllPackages(db, actor)).find((p) => p.id === id.data);
  if (!pkg) notFound();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/packages" className="text-brand-700 hover:underline">
          ← Packages
        </Link>
      </p>
      <PageHeader
        title={`Edit ${pkg.name}`}
        subtitle={
          <>
            <span className="font-mono">{pkg.package_type}</span>{' '}
            {pkg.active ? <Badge tone="green">on sale</Badge> : <Badge>disabled</Badge>}
          </>
        }
      />
      <div className="mb-4">
        <Notice>
          Existing subscriptions keep the price and limits they were sold with. Your changes apply to new activations and renewals.
        </Notice>
      </div>
      <Card>
        <ActionForm
          action={updatePackageAction}
          submitLabel="Save package"
          testId="edit-package-form"
          fields={[
            { name: 'id', label: '', type: 'hidden', defaultValue: String(pkg.id) },
            ...packageFields(pkg),
            {
              name: 'active',
              label: 'Status',
              type: 'select',
              defaultValue: String(pkg.active),
              options: [
                { value: 'true', label: 'On sale' },
                { value: 'false', label: 'Disabled (no new activations)' },
              ],
            },
          ]}
        />
      </Card>
    </>
  );
}
