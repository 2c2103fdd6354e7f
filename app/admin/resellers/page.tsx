import type { Metadata } from 'next';
import Link from 'next/link';
import { Pagination, SearchBar } from '@/components/pagination';
import { Card, EmptyState, LinkButton, PageHeader, StatusBadge } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { formatDate, formatMoney } from '@/lib/format';
import { listResellers } from '@/lib/services/resellers';
import { listResellersQuery } from '@/lib/validation/resellers';

export const metadata: Metadata = { title: 'Resellers' };

export default async function ResellersPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { db, actor } = await requireRole('admin');
  const sp = await searchParams;
  const parsed = listResellersQuery.safeParse(sp);
  const q = parsed.success ? parsed.data : listResellersQuery.parse({});
  const page = await listResellers(db, actor, q);
  return (
    <>
      <PageHeader title="Resellers" subtitle="Partners who buy credit and activate packages for their clients." actions={<LinkButton href="/admin/resellers/new">New reseller</LinkButton>} />
      <Card>
        <SearchBar action="/admin/resellers" search={q.search} />
        {page.data.length === 0 ? (
          <EmptyState title={q.search ? 'No reseller matches this search.' : 'No resellers yet.'}>
            {!q.search && <Link className="text-brand-600 underline" href="/admin/resellers/new">Create the first reseller</Link>}
          </EmptyState>
        ) : (
          <div className="-mx-4 overflow-x-auto sm:mx-0">
            <table className="min-w-full text-sm" data-testid="resellers-table">
              <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th className="px-4 py-2 font-medium sm:px-2">Reseller</th>
                  <th className="hidden px-2 py-2 font-medium md:table-cell">Type</th>
                  <th className="px-2 py-2 text-right font-medium">Credit</th>
                  <th className="hidden px-2 py-2 text-right font-medium sm:table-cell">Clients</th>
                  <th className="hidden px-2 py-2 font-medium md:table-cell">Joined</th>
                  <th className="px-2 py-2 font-medium">Status</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {page.data.map((r) => (
                  <tr key={r.id} className="hover:bg-slate-50">
                    <td className="px-4 py-2.5 sm:px-2">
                      <Link href={`/admin/resellers/${r.id}`} className="font-medium text-brand-700 hover:underline">{r.name}</Link>
                      <div className="text-xs text-slate-500">{r.email}</div>
                    </td>
                    <td className="hidden px-2 py-2.5 md:table-cell">{r.partner_type === 'commission' ? `Commission ${r.commission_rate}%` : 'Own plans'}</td>
                    <td className="px-2 py-2.5 text-right tabular-nums">{formatMoney(r.credit_balance)}</td>
                    <td className="hidden px-2 py-2.5 text-right tabular-nums sm:table-cell">{r.clients_count}</td>
                    <td className="hidden px-2 py-2.5 md:table-cell">{formatDate(r.created_at)}</td>
                    <td className="px-2 py-2.5"><StatusBadge status={r.status} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination basePath="/admin/resellers" params={{ search: q.search }} {...page.pagination} />
      </Card>
    </>
  );
}
