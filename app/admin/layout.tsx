import { PortalShell } from '@/components/portal-shell';
import { requireRole } from '@/lib/auth/session';

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const { name } = await requireRole('admin');
  return (
    <PortalShell portal="Admin" userName={name} nav={[{ href: '/admin/resellers', label: 'Resellers' }, { href: '/admin/resellers/new', label: 'New reseller' }]}>
      {children}
    </PortalShell>
  );
}
