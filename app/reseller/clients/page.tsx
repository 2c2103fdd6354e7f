// /reseller/clients — search, filter by status, sort (created, name, expiry) and page through the
// reseller's clients on the server: one page of rows at a time, however many clients there are.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ClientList } from '@/components/client-list';
import { SearchBar } from '@/components/search-bar';
import { Card, LinkButton, PageHeader } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { compactParams, type RawSearchParams, tableLinkParams } from '@/lib/http/search-params';
import { listClients } from '@/lib/services/clients';
import { resellerCatalog } from '@/lib/services/pricing';
import { platformPhoneCountry } from '@/lib/services/recipients';
import { CLIENT_STATUSES, listClientsQuery } from '@/lib/validation/clients';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reseller.clients'))('title') };
}

const DEFAULTS = listClientsQuery.parse({});
const selectClass = 'w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm sm:w-auto';

export default async function ClientsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { db, actor } = await requireRole('reseller');
  const sp = compactParams(await searchParams);
  const q = listClientsQuery.safeParse(sp).data ?? DEFAULTS;
  const [t, page, catalog, country] = await Promise.all([
    getTranslations('reseller.clients'),
    listClients(db, actor, q),
    resellerCatalog(db, actor.userId),
    platformPhoneCountry(db),
  ]);
  const names = new Map(catalog.map((p) => [p.package_type, p.display_name]));
  const filtered = Boolean(q.search || q.status);
  const query = tableLinkParams(q, DEFAULTS);
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={<LinkButton href="/reseller/clients/new">{t('newClient')}</LinkButton>}
      />
      <Card>
        <ClientList
          rows={page.data}
          country={country}
          hrefBase="/reseller/clients"
          packageLabel={(c) =>
            c.package ? (names.get(c.package.package_type) ?? c.package.name) : c.status === 'trial' ? t('freeTrial') : '—'
          }
          page={page.pagination}
          nav={{ basePath: '/reseller/clients', query, pageSizes: [10, 20, 50, 100] }}
          sort={{ id: q.sort, dir: q.dir }}
          empty={
            filtered
              ? {
                  title: t('noMatch'),
                  body: t.rich('noMatchBody', {
                    link: (chunks) => (
                      <Link className="text-brand-700 underline" href="/reseller/clients">
                        {chunks}
                      </Link>
                    ),
                  }),
                }
              : {
                  title: t('noClients'),
                  body: (
                    <Link className="text-brand-700 underline" href="/reseller/clients/new">
                      {t('createFirst')}
                    </Link>
                  ),
                }
          }
          filters={
            <>
              <SearchBar action="/reseller/clients" search={q.search} placeholder={t('searchPlaceholder')}>
                <select name="status" defaultValue={q.status ?? ''} aria-label={t('status')} className={selectClass}>
                  <option value="">{t('allStatuses')}</option>
                  {CLIENT_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`statusOption.${s}`)}
                    </option>
                  ))}
                </select>
                {query.sort && <input type="hidden" name="sort" value={query.sort} />}
                {query.dir && <input type="hidden" name="dir" value={query.dir} />}
                {query.limit && <input type="hidden" name="limit" value={query.limit} />}
              </SearchBar>
              {filtered && (
                <p className="mb-3 text-sm">
                  <Link href="/reseller/clients" className="text-brand-700 hover:underline">
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
