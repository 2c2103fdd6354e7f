import type { Metadata } from 'next';
import { ActionForm, type FieldSpec } from '@/components/action-form';
import { Card, PageHeader } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { createResellerAction } from '../../actions';

export const metadata: Metadata = { title: 'New reseller' };

const FIELDS: FieldSpec[] = [
  { name: 'partner_type', label: 'Partner type', type: 'select', required: true, options: [
    { value: 'own_plans', label: 'Own plans (sets own retail prices)' },
    { value: 'commission', label: 'Commission (earns a share of list price)' },
  ] },
  { name: 'commission_rate', label: 'Commission rate (%)', type: 'number', hint: 'Commission partners only, e.g. 10' },
  { name: 'name', label: 'Company / brand name', required: true, autoComplete: 'organization' },
  { name: 'email', label: 'Login email', type: 'email', required: true },
  { name: 'phone', label: 'Phone (with country code)', type: 'tel', required: true, placeholder: '+95 9 123 456 789' },
  { name: 'website', label: 'Website', type: 'url', placeholder: 'https://' },
  { name: 'subdomain', label: 'Login subdomain', required: true, hint: 'Lowercase letters and digits, e.g. acme' },
  { name: 'password', label: 'Password', type: 'password', required: true, autoComplete: 'new-password' },
  { name: 'password_confirmation', label: 'Confirm password', type: 'password', required: true, autoComplete: 'new-password' },
  { name: 'contact_name', label: 'Contact person' },
  { name: 'contact_email', label: 'Contact email', type: 'email' },
  { name: 'contact_phone', label: 'Contact phone', type: 'tel' },
];

export default async function NewResellerPage() {
  await requireRole('admin');
  return (
    <>
      <PageHeader title="New reseller" subtitle="The reseller signs in with this email and password." />
      <Card>
        <ActionForm action={createResellerAction} fields={FIELDS} submitLabel="Create reseller" testId="create-reseller-form" />
      </Card>
    </>
  );
}
