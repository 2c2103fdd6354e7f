import { PortalShell } from '@/components/portal-shell';
import { requestBrand } from '@/lib/auth/request-brand';
import { requireRole } from '@/lib/auth/session';
import { formatMoney } from '@/lib/format';
import { resellerProfile } from '@/lib/services/resellers';
import { getSettings } from '@/lib/services/settings';

const NAV = [
  { href: '/reseller', label: 'Overview' },
  { href: '/reseller/clients', label: 'Clients' },
  { href: '/reseller/credit', label: 'Credit' },
  { href: '/reseller/pricing', label: 'Pricing' },
  { href: '/reseller/branding', label: 'Branding' },
  { href: '/reseller/api', label: 'API keys' },
];

export default async function ResellerLayout({ children }: { children: React.ReactNode }) {
  const { db, actor, name } = await requireRole('reseller');
  const [profile, hostBrand, settings] = await Promise.all([resellerProfile(db, actor), requestBrand(), getSettings(db)]);
  // On its own subdomain a reseller works under its own brand; on the platform's host, the platform's.
  const brand = hostBrand?.reseller_id === actor.userId ? hostBrand : { name: settings.platform_name, logo_url: null, color: null };
  return (
    <PortalShell
      portal="Reseller"
      userName={name}
      brand={brand}
      nav={NAV}
      aside={
        <span className="rounded-lg bg-emerald-50 px-2.5 py-1 text-xs font-medium text-emerald-800 tabular-nums">
          Credit <span data-testid="credit-balance">{formatMoney(profile.credit_balance)}</span>
        </span>
      }
    >
      {children}
    </PortalShell>
  );
}
