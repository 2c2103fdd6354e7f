import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '@/components/action-form';
import { DataList } from '@/components/data-list';
import { InlineAction } from '@/components/inline-action';
import { Badge, Card, Notice, PageHeader } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { formatMoney } from '@/lib/format';
import { listAllPackages } from '@/lib/services/packages';
import { createPackageAction, setPackageActiveAction } from './actions';
import { packageFields } from './package-fields';

export const metadata: Metadata = { title: 'Packages' };

const n = (v: number) => v.toLocaleString('en-US');

export default async function PackagesPage() {
  const { db, actor } = await requireRole('admin');
  const packages = await listAllPackages(db, actor);
  return (
    <>
      <PageHeader title="Packages" subtitle="The catalog resellers activate for their clients." />
      <div className="mb-4">
        <Notice>
          Price and limit changes apply to new activations and renewals only. Existing subscriptions keep the price and limits they were
          sold with; disabling a package stops new sales but leaves current subscribers running.
        </Notice>
      </div>
      <Card title="Catalog">
        <DataList
          rows={packages}
          rowKey={(p) => p.id}
          rowTestId={(p) => `package-row-${p.package_type}`}
          testId="packages-table"
          caption="Packages"
          empty={{ title: 'No packages yet.', body: 'Add the first one below.' }}
          columns={[
            {
              key: 'name',
              header: 'Package',
              label: false,
              cell: (p) => (
                <div className={p.active ? '' : 'text-slate-500'}>
                  <div className="flex flex-wrap items-center gap-2">
                    <Link href={`/admin/packages/${p.id}`} className="font-medium text-brand-700 hover:underline">
                      {p.name}
                    </Link>
                    {!p.active && <Badge tone="slate">disabled</Badge>}
                  </div>
                  <div className="font-mono text-xs text-slate-500">{p.package_type}</div>
                </div>
              ),
            },
            { key: 'price', header: 'Price', align: 'right', className: 'whitespace-nowrap', cell: (p) => formatMoney(p.price) },
            { key: 'daily', header: 'SMS / day', align: 'right', from: 'md', cell: (p) => n(p.daily_limit) },
            { key: 'period', header: 'SMS / period', align: 'right', from: 'md', cell: (p) => n(p.period_limit) },
            { key: 'devices', header: 'Devices', align: 'right', from: 'md', cell: (p) => p.device_limit },
            {
              key: 'days',
              header: 'Period',
              align: 'right',
              from: 'md',
              className: 'whitespace-nowrap',
              cell: (p) => `${p.period_days} days`,
            },
            {
              key: 'actions',
              header: <span className="sr-only">Actions</span>,
              label: false,
              cell: (p) => (
                <div className="flex items-start justify-end gap-2">
                  <Link
                    href={`/admin/packages/${p.id}`}
                    className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
                  >
                    Edit
                  </Link>
                  <InlineAction
                    action={setPackageActiveAction}
                    fields={{ id: String(p.id), active: p.active ? 'false' : 'true' }}
                    label={p.active ? 'Disable' : 'Enable'}
                  />
                </div>
              ),
            },
          ]}
        />
      </Card>
      <Card title="Add package" className="mt-5">
        <ActionForm
          action={createPackageAction}
          submitLabel="Add package"
          testId="add-package-form"
          fields={[
            {
              name: 'code',
              label: 'Code (package_type)',
              required: true,
              placeholder: 'starter_plus',
              hint: 'Lowercase letters, digits and underscores; cannot change later.',
            },
            ...packageFields(),
          ]}
        />
      </Card>
    </>
  );
}
