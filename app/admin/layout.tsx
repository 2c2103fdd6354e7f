import { PortalShell } from '@/components/portal-shell';
import { requireRole } from '@/lib/auth/session';

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const { name } = await requireRole('admin');
  return (
    <PortalShell
      portal="Admin"
      userName={name}
      nav={[
        { href: '/admin', label: 'Overview' },
        { href: '/admin/resellers', label: 'Resellers' },
        { href: '/admin/topups', label: 'Top-up requests' },
        { href: '/admin/clients', label: 'Clients' },
        { href: '/admin/packages', label: 'Packages' },
        { href: '/admin/audit', label: 'Audit log' },
        { href: '/admin/settings', label: 'Settings' },
      ]}
    >
      {children}
    </PortalShell>
  );
}
