import { getTranslations } from 'next-intl/server';
import { PortalShell } from '@/components/portal-shell';
import { requestBrand } from '@/lib/auth/request-brand';
import { requireRole } from '@/lib/auth/session';
import { getFormat } from '@/lib/i18n/server';
import { getSettings } from '@/lib/services/settings';

const NAV = [
  ['/reseller', 'overview'],
  ['/reseller/clients', 'clients'],
  ['/reseller/credit', 'credit'],
  ['/reseller/payment-accounts', 'paymentAccounts'],
  ['/reseller/pricing', 'pricing'],
  ['/reseller/branding', 'branding'],
  ['/reseller/api', 'apiKeys'],
  ['/reseller/account', 'account'],
] as const;

export default async function ResellerLayout({ children }: { children: React.ReactNode }) {
  const { db, actor, name, header } = await requireRole('reseller');
  const [hostBrand, settings] = await Promise.all([requestBrand(), getSettings(db)]);
  // On its own subdomain a reseller works under its own brand; on the platform's host, the platform's.
  const [t, f] = await Promise.all([getTranslations('nav.reseller'), getFormat()]);
  const brand = hostBrand?.reseller_id === actor.userId ? hostBrand : { name: settings.platform_name, logo_url: null, color: null };
  return (
    <PortalShell
      portal="reseller"
      unread={header.unread}
      userName={name}
      brand={brand}
      nav={NAV.map(([href, key]) => ({ href, label: t(key) }))}
      aside={
        <span className="rounded-lg bg-emerald-50 px-2.5 py-1 text-xs font-medium text-emerald-800 tabular-nums">
          {t('creditBalance')} <span data-testid="credit-balance">{f.money(header.resellerCredit ?? 0)}</span>
        </span>
      }
    >
      {children}
    </PortalShell>
  );
}
