// The first page of a reseller's clients on its admin page, with a link to the full filtered list.
import Link from 'next/link';
import { ClientList } from '@/components/client-list';
import { Card } from '@/components/ui';
import type { Db } from '@/db';
import type { Actor } from '@/lib/auth/permissions';
import { listClients } from '@/lib/services/clients';
import { platformPhoneCountry } from '@/lib/services/recipients';

const FIRST_PAGE = 10;

export async function ClientsSection({ db, actor, resellerId }: { db: Db; actor: Actor; resellerId: number }) {
  const [clients, country] = await Promise.all([
    listClients(db, actor, { page: 1, limit: FIRST_PAGE, reseller_id: resellerId }),
    platformPhoneCountry(db),
  ]);
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
      <ClientList
        rows={clients.data}
        country={country}
        empty={{ title: 'No clients yet.', body: 'The reseller creates clients from its own portal or API.' }}
      />
      {clients.pagination.total > FIRST_PAGE && (
        <p className="mt-3 text-sm text-slate-600">
          Showing the newest {FIRST_PAGE} of {clients.pagination.total.toLocaleString('en-US')}.{' '}
          <Link href={all} className="text-brand-700 hover:underline">
            See them all
          </Link>
        </p>
      )}
    </Card>
  );
}
