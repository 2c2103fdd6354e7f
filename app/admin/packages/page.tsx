import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/action-form';
import { DataList } from '@/components/data-list';
import { InlineAction } from '@/components/inline-action';
import { Badge, Card, Notice, PageHeader } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { getFormat } from '@/lib/i18n/server';
import { listAllPackages } from '@/lib/services/packages';
import { createPackageAction, setPackageActiveAction } from './actions';
import { packageFields } from './package-fields';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.packages'))('title') };
}

/** An example of a code, not a word. */
const CODE_EXAMPLE = 'starter_plus';

export default async function PackagesPage() {
  const { db, actor } = await requireRole('admin');
  const [packages, t, tf, f] = await Promise.all([
    listAllPackages(db, actor),
    getTranslations('admin.packages'),
    getTranslations('admin.packageFields'),
    getFormat(),
  ]);
  const n = f.number;
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <div className="mb-4">
        <Notice>{t('notice')}</Notice>
      </div>
      <Card title={t('catalog')}>
        <DataList
          rows={packages}
          rowKey={(p) => p.id}
          rowTestId={(p) => `package-row-${p.package_type}`}
          testId="packages-table"
          caption={t('title')}
          empty={{ title: t('empty'), body: t('emptyBody') }}
          columns={[
            {
              key: 'name',
              header: t('package'),
              label: false,
              cell: (p) => (
                <div className={p.active ? '' : 'text-slate-500'}>
                  <div className="flex flex-wrap items-center gap-2">
                    <Link href={`/admin/packages/${p.id}`} className="font-medium text-brand-700 hover:underline">
                      {p.name}
                    </Link>
                    {!p.active && <Badge tone="slate">{t('disabledBadge')}</Badge>}
                  </div>
                  <div className="font-mono text-xs text-slate-500">{p.package_type}</div>
                </div>
              ),
            },
            { key: 'price', header: t('price'), align: 'right', className: 'whitespace-nowrap', cell: (p) => f.money(p.price) },
            { key: 'daily', header: t('perDay'), align: 'right', from: 'md', cell: (p) => n(p.daily_limit) },
            { key: 'period', header: t('perPeriod'), align: 'right', from: 'md', cell: (p) => n(p.period_limit) },
            { key: 'devices', header: t('devices'), align: 'right', from: 'md', cell: (p) => n(p.device_limit) },
            {
              key: 'days',
              header: t('period'),
              align: 'right',
              from: 'md',
              className: 'whitespace-nowrap',
              cell: (p) => t('days', { days: p.period_days }),
            },
            {
              key: 'actions',
              header: <span className="sr-only">{t('actions')}</span>,
              label: false,
              cell: (p) => (
                <div className="flex items-start justify-end gap-2">
                  <Link
                    href={`/admin/packages/${p.id}`}
                    className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
                  >
                    {t('edit')}
                  </Link>
                  <InlineAction
                    action={setPackageActiveAction}
                    fields={{ id: String(p.id), active: p.active ? 'false' : 'true' }}
                    label={p.active ? t('disable') : t('enable')}
                  />
                </div>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('add')} className="mt-5">
        <ActionForm
          action={createPackageAction}
          submitLabel={t('add')}
          testId="add-package-form"
          fields={[
            {
              name: 'code',
              label: t('code'),
              required: true,
              placeholder: CODE_EXAMPLE,
              hint: t('codeHint'),
            },
            ...packageFields(tf),
          ]}
        />
      </Card>
    </>
  );
}
