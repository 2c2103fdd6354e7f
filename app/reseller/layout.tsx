import { PortalShell } from '@/components/portal-shell';
import { requireRole } from '@/lib/auth/session';
import { formatMoney } from '@/lib/format';
import { resellerProfile } from '@/lib/services/resellers';

export default async function ResellerLayout({ children }: { children: React.ReactNode }) {
  const { db, actor, name } = await requireRole('reseller');
  const profile = await resellerProfile(db, actor);
  return (
    <PortalShell
      portal="Reseller"
      userName={name}
      nav={[{ href: '/reseller/clients', label: 'Clients' }, { href: '/reseller/clients/new', label: 'New client' }, { href: '/reseller/credit', label: 'Credit' }]}
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
