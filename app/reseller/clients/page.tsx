import type { Metadata } from 'next';
import Link from 'next/link';
import { ClientTable } from '@/components/client-table';
import { Pagination, SearchBar } from '@/components/pagination';
import { Card, EmptyState, LinkButton, PageHeader } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { listClients } from '@/lib/services/clients';
import { CLIENT_STATUSES, listClientsQuery } from '@/lib/validation/clients';

export const metadata: Metadata = { title: 'Clients' };

export default async function ClientsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { db, actor } = await requireRole('reseller');
  const sp = await searchParams;
  const q = listClientsQuery.safeParse({ ...sp, status: sp.status || undefined }).data ?? listClientsQuery.parse({});
  const page = await listClients(db, actor, q);
  return (
    <>
      <PageHeader title="Clients" subtitle="Each new client starts with a free trial." actions={<LinkButton href="/reseller/clients/new">New client</LinkButton>} />
      <Card>
        <SearchBar action="/reseller/clients" search={q.search}>
          <select name="status" defaultValue={q.status ?? ''} aria-label="Status" className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm">
            <option value="">All statuses</option>
            {CLIENT_STATUSES.map((s) => <option key={s} value={s}>{s[0].toUpperCase() + s.slice(1)}</option>)}
          </select>
        </SearchBar>
        {page.data.length === 0 ? (
          <EmptyState title={q.search || q.status ? 'No client matches these filters.' : 'No clients yet.'}>
            {!q.search && !q.status && <Link className="text-brand-600 underline" href="/reseller/clients/new">Create your first client</Link>}
          </EmptyState>
        ) : (
          <ClientTable clients={page.data} hrefBase="/reseller/clients" />
        )}
        <Pagination basePath="/reseller/clients" params={{ search: q.search, status: q.status }} {...page.pagination} />
      </Card>
    </>
  );
}
