import { PortalShell } from '@/components/portal-shell';
import { requireRole } from '@/lib/auth/session';
import { getSettings } from '@/lib/services/settings';

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const { db, name } = await requireRole('admin');
  const settings = await getSettings(db);
  return (
    <PortalShell
      portal="Admin"
      userName={name}
      brand={{ name: settings.platform_name, logo_url: null, color: null }}
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
