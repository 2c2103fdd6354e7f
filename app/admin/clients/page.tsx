import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ClientList } from '@/components/client-list';
import { SearchBar } from '@/components/search-bar';
import { Card, PageHeader } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { listClients } from '@/lib/services/clients';
import { platformPhoneCountry } from '@/lib/services/recipients';
import { listResellers } from '@/lib/services/resellers';
import { CLIENT_STATUSES, listClientsQuery } from '@/lib/validation/clients';
import { listResellersQuery } from '@/lib/validation/resellers';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.clients'))('title') };
}

const selectClass = 'w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm sm:w-auto sm:max-w-56';

export default async function AdminClientsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { db, actor } = await requireRole('admin');
  const sp = await searchParams;
  const q =
    listClientsQuery.safeParse({
      ...sp,
      status: sp.status || undefined,
      reseller_id: sp.reseller_id || undefined,
      search: sp.search || undefined,
    }).data ?? listClientsQuery.parse({});
  const t = await getTranslations('admin.clients');
  const [page, resellers, country] = await Promise.all([
    listClients(db, actor, q),
    // The filter lists resellers by name; with more than 100 the reseller page's "Clients" link still filters by id.
    listResellers(db, actor, listResellersQuery.parse({ limit: 100, sort: 'name', dir: 'asc' })),
    platformPhoneCountry(db),
  ]);
  const options = resellers.data.map((r) => ({ id: r.id, name: r.name }));
  if (q.reseller_id && !options.some((o) => o.id === q.reseller_id))
    options.unshift({ id: q.reseller_id, name: t('resellerNumber', { id: q.reseller_id }) });
  const filtered = Boolean(q.search || q.status || q.reseller_id);
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Card>
        <ClientList
          rows={page.data}
          country={country}
          showReseller
          page={page.pagination}
          nav={{
            basePath: '/admin/clients',
            query: { search: q.search, status: q.status, reseller_id: q.reseller_id ? String(q.reseller_id) : undefined },
          }}
          empty={{
            title: filtered ? t('noMatch') : t('empty'),
            body: filtered ? undefined : t('emptyBody'),
          }}
          filters={
            <>
              <SearchBar action="/admin/clients" search={q.search}>
                <select name="status" defaultValue={q.status ?? ''} aria-label={t('status')} className={selectClass}>
                  <option value="">{t('allStatuses')}</option>
                  {CLIENT_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`statusOption.${s}`)}
                    </option>
                  ))}
                </select>
                <select
                  name="reseller_id"
                  defaultValue={q.reseller_id ? String(q.reseller_id) : ''}
                  aria-label={t('reseller')}
                  className={selectClass}
                >
                  <option value="">{t('allResellers')}</option>
                  {options.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </select>
              </SearchBar>
              {filtered && (
                <p className="mb-3 text-sm">
                  <Link href="/admin/clients" className="text-brand-700 hover:underline">
                    {t('clearFilters')}
                  </Link>
                </p>
              )}
            </>
          }
        />
      </Card>
    </>
  );
}
