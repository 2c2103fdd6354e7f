// /admin/resellers — search, sort and page through resellers on the server (one page of rows at a time),
// with the status switch and Edit / Delete on each row.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ResellerTable } from '@/components/reseller-table';
import { SearchBar } from '@/components/search-bar';
import { Card, LinkButton, Notice, PageHeader } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { compactParams, type RawSearchParams, tableLinkParams } from '@/lib/http/search-params';
import { listResellers } from '@/lib/services/resellers';
import { listResellersQuery } from '@/lib/validation/resellers';
import { deleteResellerAction, setResellerStatusAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.resellers'))('title') };
}

const DEFAULTS = listResellersQuery.parse({});
const selectClass = 'w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm sm:w-auto';

export default async function ResellersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { db, actor } = await requireRole('admin');
  const sp = compactParams(await searchParams);
  const q = listResellersQuery.safeParse(sp).data ?? DEFAULTS;
  const [page, t] = await Promise.all([listResellers(db, actor, q), getTranslations('admin.resellers')]);
  const filtered = Boolean(q.search || q.status);
  const query = tableLinkParams(q, DEFAULTS);
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={<LinkButton href="/admin/resellers/new">{t('newTitle')}</LinkButton>}
      />
      {sp.deleted && (
        <div className="mb-4">
          <Notice tone="success">{t('deleted', { name: sp.deleted })}</Notice>
        </div>
      )}
      <Card>
        <ResellerTable
          rows={page.data}
          page={page.pagination}
          nav={{ basePath: '/admin/resellers', query, pageSizes: [10, 20, 50, 100] }}
          sort={{ id: q.sort, dir: q.dir }}
          statusAction={setResellerStatusAction}
          deleteAction={deleteResellerAction}
          empty={
            filtered
              ? {
                  title: q.search ? t('noMatch', { search: q.search }) : t('noStatus'),
                  body: t.rich('noMatchBody', {
                    link: (chunks) => (
                      <Link className="text-brand-700 underline" href="/admin/resellers">
                        {chunks}
                      </Link>
                    ),
                  }),
                }
              : {
                  title: t('empty'),
                  body: (
                    <>
                      {t('emptyBody')}{' '}
                      <Link className="text-brand-700 underline" href="/admin/resellers/new">
                        {t('createFirst')}
                      </Link>
                    </>
                  ),
                }
          }
          filters={
            <>
              <SearchBar action="/admin/resellers" search={q.search} placeholder={t('searchPlaceholder')}>
                <select name="status" defaultValue={q.status ?? ''} aria-label={t('status')} className={selectClass}>
                  <option value="">{t('allStatuses')}</option>
                  <option value="active">{t('active')}</option>
                  <option value="suspended">{t('suspended')}</option>
                </select>
                {query.sort && <input type="hidden" name="sort" value={query.sort} />}
                {query.dir && <input type="hidden" name="dir" value={query.dir} />}
                {query.limit && <input type="hidden" name="limit" value={query.limit} />}
              </SearchBar>
              {filtered && (
                <p className="mb-3 text-sm">
                  <Link href="/admin/resellers" className="text-brand-700 hover:underline">
                    {t('clearSearch')}
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
