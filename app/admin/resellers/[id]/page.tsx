// /admin/resellers/:id — one reseller: balances, status switch, edit and delete, top-up, deduction,
// commission settlement, profile, credit ledger (filters + CSV) and its newest clients.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { DeleteResellerButton } from '@/components/delete-reseller-dialog';
import { StatusSwitch } from '@/components/status-switch';
import { Badge, Card, DetailList, LinkButton, Notice, PageHeader, StatCard } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { DomainError } from '@/lib/errors';
import { compactParams, type RawSearchParams } from '@/lib/http/search-params';
import { getFormat } from '@/lib/i18n/server';
import { displayPhone, phoneCountry } from '@/lib/phone';
import { getReseller } from '@/lib/services/resellers';
import { getSettings } from '@/lib/services/settings';
import { idParam } from '@/lib/validation/common';
import { ledgerQuery } from '@/lib/validation/credit';
import { deleteResellerAction, setResellerStatusAction } from '../actions';
import { ClientsSection } from './_sections/clients-section';
import { AdjustCard, CommissionCard, TopupCard } from './_sections/credit-forms';
import { LedgerSection } from './_sections/ledger-section';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.reseller'))('title') };
}

export default async function ResellerDetailPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { db, actor } = await requireRole('admin');
  const id = idParam.safeParse((await params).id);
  if (!id.success) notFound();
  const sp = compactParams(await searchParams);
  const q = ledgerQuery.safeParse(sp).data ?? ledgerQuery.parse({});
  const [reseller, settings, t, ts, f] = await Promise.all([
    getReseller(db, actor, id.data).catch((err: unknown) => {
      if (err instanceof DomainError && err.code === 'not_found') return null;
      throw err;
    }),
    getSettings(db),
    getTranslations('admin.reseller'),
    getTranslations('status'),
    getFormat(),
  ]);
  const formatMoney = f.money;
  if (!reseller) notFound();
  const archived = reseller.status === 'archived';
  const commission = reseller.partner_type === 'commission';
  const loginUrl = `${reseller.subdomain}.${settings.base_domain}`;

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/resellers" className="text-brand-700 hover:underline">
          ← {t('back')}
        </Link>
      </p>
      <PageHeader
        title={reseller.name}
        subtitle={<span className="break-all">{reseller.email}</span>}
        actions={
          archived ? (
            <Badge>{ts('archived')}</Badge>
          ) : (
            <>
              <div className="flex min-h-10 items-center rounded-lg border border-slate-200 bg-white px-3">
                <StatusSwitch
                  id={reseller.id}
                  name={reseller.name}
                  status={reseller.status === 'active' ? 'active' : 'suspended'}
                  action={setResellerStatusAction}
                />
              </div>
              <LinkButton href={`/admin/resellers/${reseller.id}/edit`} variant="secondary">
                {t('edit')}
              </LinkButton>
              <DeleteResellerButton target={{ id: reseller.id, name: reseller.name }} action={deleteResellerAction} />
            </>
          )
        }
      />
      <div className="mb-4 space-y-2 empty:hidden">
        {sp.created && <Notice tone="success">{t('created')}</Notice>}
        {sp.updated && <Notice tone="success">{t('updated')}</Notice>}
        {sp.settled && Number(sp.amount) > 0 && (
          <Notice tone="success">
            {t(sp.settled === 'convert' ? 'settledConvert' : 'settledPayout', { amount: formatMoney(Number(sp.amount)) })}
          </Notice>
        )}
        {archived && <Notice>{t('archivedNotice')}</Notice>}
        {reseller.status === 'suspended' && <Notice>{t('suspendedNotice')}</Notice>}
      </div>
      <div className="mb-5 grid grid-cols-2 gap-3 sm:grid-cols-3">
        <StatCard label={t('creditBalance')} value={formatMoney(reseller.credit_balance)} testId="reseller-credit-balance" />
        <StatCard
          label={t('commission')}
          value={formatMoney(reseller.commission_balance)}
          hint={commission ? t('ofListPrice', { rate: reseller.commission_rate }) : t('ownPlansPartner')}
        />
        <StatCard label={t('clients')} value={f.number(reseller.clients_count ?? 0)} />
      </div>
      <div className="grid gap-5 lg:grid-cols-5">
        <div className="space-y-5 lg:col-span-2">
          {!archived && <TopupCard reseller={reseller} />}
          {!archived && <AdjustCard reseller={reseller} />}
          {!archived && (commission || reseller.commission_balance > 0) && <CommissionCard reseller={reseller} />}
        </div>
        <Card title={t('profile')} className="self-start lg:col-span-3">
          <DetailList
            items={[
              [t('partnerType'), commission ? t('commissionType', { rate: reseller.commission_rate }) : t('ownPlans')],
              [t('status'), ts.has(reseller.status as 'active') ? ts(reseller.status as 'active') : reseller.status],
              [t('phone'), displayPhone(reseller.phone, phoneCountry(settings.default_country))],
              [t('loginSubdomain'), archived ? '—' : loginUrl],
              [
                t('website'),
                reseller.website ? (
                  <a
                    key="website"
                    href={reseller.website}
                    className="text-brand-700 hover:underline"
                    rel="noopener noreferrer"
                    target="_blank"
                  >
                    {reseller.website}
                  </a>
                ) : (
                  '—'
                ),
              ],
              [t('contactPerson'), reseller.contact_name ?? '—'],
              [t('contactEmail'), reseller.contact_email ?? '—'],
              [t('contactPhone'), displayPhone(reseller.contact_phone, phoneCountry(settings.default_country)) || '—'],
              [t('joined'), (await getFormat(settings.time_zone)).date(reseller.created_at)],
            ]}
          />
        </Card>
      </div>
      <LedgerSection db={db} actor={actor} resellerId={reseller.id} q={q} timeZone={settings.time_zone} />
      <ClientsSection db={db} actor={actor} resellerId={reseller.id} />
    </>
  );
}
