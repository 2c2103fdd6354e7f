// The first page of a reseller's clients on its admin page, with a link to the full filtered list.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ClientList } from '@/components/client-list';
import { Card } from '@/components/ui';
import type { Db } from '@/db';
import type { Actor } from '@/lib/auth/permissions';
import { getFormat } from '@/lib/i18n/server';
import { listClients } from '@/lib/services/clients';
import { platformPhoneCountry } from '@/lib/services/recipients';

const FIRST_PAGE = 10;

export async function ClientsSection({ db, actor, resellerId }: { db: Db; actor: Actor; resellerId: number }) {
  const [clients, country, t, f] = await Promise.all([
    listClients(db, actor, { page: 1, limit: FIRST_PAGE, reseller_id: resellerId }),
    platformPhoneCountry(db),
    getTranslations('admin.resellerClients'),
    getFormat(),
  ]);
  const total = f.number(clients.pagination.total);
  const all = `/admin/clients?reseller_id=${resellerId}`;
  return (
    <Card
      title={t('title', { total })}
      className="mt-5"
      actions={
        clients.pagination.total > 0 ? (
          <Link href={all} className="text-sm font-medium text-brand-700 hover:underline">
            {t('viewAll')}
          </Link>
        ) : undefined
      }
    >
      <ClientList rows={clients.data} country={country} empty={{ title: t('empty'), body: t('emptyBody') }} />
      {clients.pagination.total > FIRST_PAGE && (
        <p className="mt-3 text-sm text-slate-600">
          {t('showing', { shown: f.number(FIRST_PAGE), total })}{' '}
          <Link href={all} className="text-brand-700 hover:underline">
            {t('seeAll')}
          </Link>
        </p>
      )}
    </Card>
  );
}
