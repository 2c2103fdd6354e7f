// /admin/resellers/:id/edit — change a reseller's profile, type, subdomain or password.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ResellerForm } from '@/components/reseller-form';
import { Card, PageHeader } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { DomainError } from '@/lib/errors';
import { getReseller } from '@/lib/services/resellers';
import { getSettings } from '@/lib/services/settings';
import { idParam } from '@/lib/validation/common';
import { checkSubdomainAction, updateResellerAction } from '../../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.resellers'))('editTitle') };
}

export default async function EditResellerPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, actor } = await requireRole('admin');
  const id = idParam.safeParse((await params).id);
  if (!id.success) notFound();
  const [reseller, settings] = await Promise.all([
    getReseller(db, actor, id.data).catch((err: unknown) => {
      if (err instanceof DomainError && err.code === 'not_found') return null;
      throw err;
    }),
    getSettings(db),
  ]);
  // An archived (deleted) reseller is kept for the record but can no longer be edited.
  if (!reseller || reseller.status === 'archived') notFound();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/admin/resellers/${reseller.id}`} className="text-brand-700 hover:underline">
          ← {reseller.name}
        </Link>
      </p>
      <PageHeader title={(await getTranslations('admin.resellers'))('editName', { name: reseller.name })} subtitle={reseller.email} />
      <Card>
        <ResellerForm
          mode="edit"
          action={updateResellerAction}
          checkSubdomain={checkSubdomainAction}
          baseDomain={settings.base_domain}
          resellerId={reseller.id}
          testId="edit-reseller-form"
          initial={{
            partner_type: reseller.partner_type,
            commission_rate: reseller.partner_type === 'commission' ? String(reseller.commission_rate) : '',
            name: reseller.name,
            email: reseller.email,
            phone: reseller.phone,
            website: reseller.website ?? '',
            subdomain: reseller.subdomain,
            contact_name: reseller.contact_name ?? '',
            contact_email: reseller.contact_email ?? '',
            contact_phone: reseller.contact_phone ?? '',
          }}
        />
      </Card>
    </>
  );
}
