import { getTranslations } from 'next-intl/server';
import { PortalShell } from '@/components/portal-shell';
import { requireRole } from '@/lib/auth/session';
import { getSettings } from '@/lib/services/settings';

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const { db, name, header } = await requireRole('admin');
  const settings = await getSettings(db);
  const t = await getTranslations('nav.admin');
  return (
    <PortalShell
      portal="admin"
      unread={header.unread}
      userName={name}
      brand={{ name: settings.platform_name, logo_url: null, color: null }}
      nav={[
        { href: '/admin', label: t('overview') },
        { href: '/admin/resellers', label: t('resellers') },
        { href: '/admin/topups', label: t('topups') },
        { href: '/admin/payment-accounts', label: t('paymentAccounts') },
        { href: '/admin/clients', label: t('clients') },
        { href: '/admin/packages', label: t('packages') },
        { href: '/admin/audit', label: t('audit') },
        { href: '/admin/settings', label: t('settings') },
        { href: '/admin/account', label: t('account') },
      ]}
    >
      {children}
    </PortalShell>
  );
}
