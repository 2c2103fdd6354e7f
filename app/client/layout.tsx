import { PortalShell } from '@/components/portal-shell';
import { requireRole } from '@/lib/auth/session';
import { brandForReseller } from '@/lib/services/branding';
import { clientHome } from '@/lib/services/client-portal';

const NAV = [
  { href: '/client', label: 'Overview' },
  { href: '/client/send', label: 'Send SMS' },
  { href: '/client/messages', label: 'Messages' },
  { href: '/client/devices', label: 'Devices' },
  { href: '/client/api', label: 'API keys' },
  { href: '/client/webhooks', label: 'Webhooks' },
  { href: '/client/account', label: 'Account' },
];

export default async function ClientLayout({ children }: { children: React.ReactNode }) {
  const { db, actor, name } = await requireRole('client');
  const { client } = await clientHome(db, actor);
  const brand = await brandForReseller(db, client.reseller_id);
  return (
    <PortalShell portal="Client" userName={name} brand={brand} nav={NAV}>
      {children}
    </PortalShell>
  );
}
