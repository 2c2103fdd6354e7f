import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PortalShell } from '@/components/portal-shell';
import { requireRole, sessionUser } from '@/lib/auth/session';
import { brandForClient, brandForReseller } from '@/lib/services/branding';
import { clientHome } from '@/lib/services/client-portal';

const NAV = [
  ['/client', 'overview'],
  ['/client/send', 'send'],
  ['/client/messages', 'messages'],
  ['/client/inbox', 'inbox'],
  ['/client/contacts', 'contacts'],
  ['/client/blocklist', 'blocklist'],
  ['/client/campaigns', 'campaigns'],
  ['/client/templates', 'templates'],
  ['/client/keywords', 'keywords'],
  ['/client/devices', 'devices'],
  ['/client/api', 'apiKeys'],
  ['/client/smpp', 'smpp'],
  ['/client/webhooks', 'webhooks'],
  ['/client/account', 'account'],
] as const;

/** A client's pages carry its reseller's brand in their titles, on any host. */
export async function generateMetadata(): Promise<Metadata> {
  const user = await sessionUser();
  if (user?.actor.role !== 'client') return {};
  const brand = await brandForClient(user.db, user.actor.userId);
  return brand ? { title: { default: brand.name, template: `%s · ${brand.name}` } } : {};
}

export default async function ClientLayout({ children }: { children: React.ReactNode }) {
  const { db, actor, name, header } = await requireRole('client');
  const { client } = await clientHome(db, actor);
  const brand = await brandForReseller(db, client.reseller_id);
  const t = await getTranslations('nav.client');
  return (
    <PortalShell
      portal="client"
      unread={header.unread}
      userName={name}
      brand={brand}
      nav={NAV.map(([href, key]) => ({ href, label: t(key) }))}
    >
      {children}
    </PortalShell>
  );
}
