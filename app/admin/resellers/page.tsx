// /admin/resellers — search, sort and page through resellers on the server (one page of rows at a time),
// with the status switch and Edit / Delete on each row.
import type { Metadata } from 'next';
import Link from 'next/link';
import { ResellerTable } from '@/components/reseller-table';
import { SearchBar } from '@/components/search-bar';
import { Card, LinkButton, Notice, PageHeader } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { compactParams, type RawSearchParams, tableLinkParams } from '@/lib/http/search-params';
import { listResellers } from '@/lib/services/resellers';
import { listResellersQuery } from '@/lib/validation/resellers';
import { deleteResellerAction, setResellerStatusAction } from './actions';

export const metadata: Metadata = { title: 'Resellers' };

const DEFAULTS = listResellersQuery.parse({});
const selectClass = 'w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm sm:w-auto';

export default async function ResellersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { db, actor } = await requireRole('admin');
  const sp = compactParams(await searchParams);
  const q = listResellersQuery.safeParse(sp).data ?? DEFAULTS;
  const page = await listResellers(db, actor, q);
  const filtered = Boolean(q.search || q.status);
  const query = tableLinkParams(q, DEFAULTS);
  return (
    <>
      <PageHeader
        title="Resellers"
        subtitle="Partners who buy credit and activate packages for their clients."
        actions={<LinkButton href="/admin/resellers/new">New reseller</LinkButton>}
      />
      {sp.deleted && (
        <div className="mb-4">
          <Notice tone="success">Reseller “{sp.deleted}” deleted. Its ledger, audit trail and clients are kept in the archive.</Notice>
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
                  title: q.search ? `No reseller matches “${q.search}”.` : 'No reseller has this status.',
                  body: (
                    <>
                      Try another name or email, or{' '}
                      <Link className="text-brand-700 underline" href="/admin/resellers">
                        clear the search
                      </Link>
                      .
                    </>
                  ),
                }
              : {
                  title: 'No resellers yet.',
                  body: (
                    <>
                      Resellers buy credit from you and activate packages for their clients.{' '}
                      <Link className="text-brand-700 underline" href="/admin/resellers/new">
                        Create the first reseller
                      </Link>
                    </>
                  ),
                }
          }
          filters={
            <>
              <SearchBar action="/admin/resellers" search={q.search} placeholder="Search name, email or subdomain">
                <select name="status" defaultValue={q.status ?? ''} aria-label="Status" className={selectClass}>
                  <option value="">All statuses</option>
                  <option value="active">Active</option>
                  <option value="suspended">Suspended</option>
                </select>
                {query.sort && <input type="hidden" name="sort" value={query.sort} />}
                {query.dir && <input type="hidden" name="dir" value={query.dir} />}
                {query.limit && <input type="hidden" name="limit" value={query.limit} />}
              </SearchBar>
              {filtered && (
                <p className="mb-3 text-sm">
                  <Link href="/admin/resellers" className="text-brand-700 hover:underline">
                    Clear search
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
