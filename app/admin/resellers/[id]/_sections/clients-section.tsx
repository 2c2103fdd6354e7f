// The first page of a reseller's clients on its admin page, with a link to the full filtered list.
import Link from 'next/link';
import { ClientTable } from '@/components/client-table';
import { Card, EmptyState } from '@/components/ui';
import type { Db } from '@/db';
import type { Actor } from '@/lib/auth/permissions';
import { listClients } from '@/lib/services/clients';

const FIRST_PAGE = 10;

export async function ClientsSection({ db, actor, resellerId }: { db: Db; actor: Actor; resellerId: number }) {
  const clients = await listClients(db, actor, { page: 1, limit: FIRST_PAGE, reseller_id: resellerId });
  const all = `/admin/clients?reseller_id=${resellerId}`;
  return (
    <Card
      title={`Clients · ${clients.pagination.total.toLocaleString('en-US')}`}
      className="mt-5"
      actions={
        clients.pagination.total > 0 ? (
          <Link href={all} className="text-sm font-medium text-brand-700 hover:underline">
            View all clients
          </Link>
        ) : undefined
      }
    >
      {clients.data.length === 0 ? (
        <EmptyState title="No clients yet.">The reseller creates clients from its own portal or API.</EmptyState>
      ) : (
        <>
          <ClientTable clients={clients.data} />
          {clients.pagination.total > FIRST_PAGE && (
            <p className="mt-3 text-sm text-slate-600">
              Showing the newest {FIRST_PAGE} of {clients.pagination.total.toLocaleString('en-US')}.{' '}
              <Link href={all} className="text-brand-700 hover:underline">
                See them all
              </Link>
            </p>
          )}
        </>
      )}
    </Card>
  );
}
