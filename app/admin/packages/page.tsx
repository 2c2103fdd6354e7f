import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '@/components/action-form';
import { InlineAction } from '@/components/inline-action';
import { Badge, Card, EmptyState, Notice, PageHeader } from '@/components/ui';
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
        {packages.length === 0 ? (
          <EmptyState title="No packages yet.">Add the first one below.</EmptyState>
        ) : (
          <div className="relative -mx-4 overflow-x-auto sm:mx-0">
            <table className="min-w-full text-sm" data-testid="packages-table">
              <thead className="whitespace-nowrap text-left text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th className="px-4 py-2 font-medium sm:px-2">Package</th>
                  <th className="px-2 py-2 text-right font-medium">Price</th>
                  <th className="hidden px-2 py-2 text-right font-medium md:table-cell">SMS / day</th>
                  <th className="hidden px-2 py-2 text-right font-medium md:table-cell">SMS / period</th>
                  <th className="hidden px-2 py-2 text-right font-medium md:table-cell">Devices</th>
                  <th className="hidden px-2 py-2 text-right font-medium md:table-cell">Period</th>
                  <th className="px-2 py-2 font-medium">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {packages.map((p) => (
                  <tr key={p.id} data-testid={`package-row-${p.package_type}`} className={p.active ? '' : 'bg-slate-50 text-slate-500'}>
                    <td className="px-4 py-2.5 sm:px-2">
                      <div className="flex flex-wrap items-center gap-2">
                        <Link href={`/admin/packages/${p.id}`} className="font-medium text-brand-700 hover:underline">
                          {p.name}
                        </Link>
                        {!p.active && <Badge tone="slate">disabled</Badge>}
                      </div>
                      <div className="font-mono text-xs text-slate-500">{p.package_type}</div>
                      <div className="mt-1 text-xs text-slate-600 md:hidden">
                        {n(p.daily_limit)}/day · {n(p.period_limit)}/period · {p.device_limit} device{p.device_limit === 1 ? '' : 's'} ·{' '}
                        {p.period_days} days
                      </div>
                    </td>
                    <td className="whitespace-nowrap px-2 py-2.5 text-right tabular-nums">{formatMoney(p.price)}</td>
                    <td className="hidden px-2 py-2.5 text-right tabular-nums md:table-cell">{n(p.daily_limit)}</td>
                    <td className="hidden px-2 py-2.5 text-right tabular-nums md:table-cell">{n(p.period_limit)}</td>
                    <td className="hidden px-2 py-2.5 text-right tabular-nums md:table-cell">{p.device_limit}</td>
                    <td className="hidden whitespace-nowrap px-2 py-2.5 text-right tabular-nums md:table-cell">{p.period_days} days</td>
                    <td className="px-2 py-2.5">
                      <div className="flex flex-col items-end gap-2 sm:flex-row sm:items-start sm:justify-end">
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
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
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
