import { PortalShell } from '@/components/portal-shell';
import { requireRole } from '@/lib/auth/session';
import { formatMoney } from '@/lib/format';
import { resellerProfile } from '@/lib/services/resellers';

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
  const profile = await resellerProfile(db, actor);
  return (
    <PortalShell
      portal="Reseller"
      userName={name}
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
