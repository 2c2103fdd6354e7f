import type { Metadata } from 'next';
import { PortalShell } from '@/components/portal-shell';
import { requireRole, sessionUser } from '@/lib/auth/session';
import { brandForClient, brandForReseller } from '@/lib/services/branding';
import { clientHome } from '@/lib/services/client-portal';

const NAV = [
  { href: '/client', label: 'Overview' },
  { href: '/client/send', label: 'Send SMS' },
  { href: '/client/messages', label: 'Messages' },
  { href: '/client/devices', label: 'Devices' },
  { href: '/client/api', label: 'API keys' },
  { href: '/client/smpp', label: 'SMPP' },
  { href: '/client/webhooks', label: 'Webhooks' },
  { href: '/client/account', label: 'Account' },
];

/** A client's pages carry its reseller's brand in their titles, on any host. */
export async function generateMetadata(): Promise<Metadata> {
  const user = await sessionUser();
  if (user?.actor.role !== 'client') return {};
  const brand = await brandForClient(user.db, user.actor.userId);
  return brand ? { title: { default: brand.name, template: `%s · ${brand.name}` } } : {};
}

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
