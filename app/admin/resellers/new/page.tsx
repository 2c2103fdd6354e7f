// /admin/resellers/new — create a reseller; on success the action opens its page with ?created=1.
import type { Metadata } from 'next';
import Link from 'next/link';
import { ResellerForm } from '@/components/reseller-form';
import { Card, PageHeader } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { getSettings } from '@/lib/services/settings';
import { createResellerAction } from '../../actions';
import { checkSubdomainAction } from '../actions';

export const metadata: Metadata = { title: 'New reseller' };

export default async function NewResellerPage() {
  const { db } = await requireRole('admin');
  const { base_domain } = await getSettings(db);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/resellers" className="text-brand-700 hover:underline">
          ← Resellers
        </Link>
      </p>
      <PageHeader title="New reseller" subtitle="The reseller signs in with this email and password." />
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
