import { PortalShell } from '@/components/portal-shell';
import { requireRole } from '@/lib/auth/session';

export default async function ClientLayout({ children }: { children: React.ReactNode }) {
  const { name } = await requireRole('client');
  return (
    <PortalShell portal="Client" userName={name} nav={[{ href: '/client', label: 'Overview' }]}>
      {children}
    </PortalShell>
  );
}
