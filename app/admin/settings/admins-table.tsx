// The platform admins with enable / disable; the service refuses disabling yourself or the last active admin.
import { useTranslations } from 'next-intl';
import { DataList } from '@/components/data-list';
import { InlineAction } from '@/components/inline-action';
import { Badge, StatusBadge } from '@/components/ui';
import { useFormat } from '@/lib/i18n/format';
import type { AdminView } from '@/lib/services/admins';
import { setAdminStatusAction } from './actions';

export function AdminsTable({ admins, selfId }: { admins: AdminView[]; selfId: number }) {
  const t = useTranslations('admin.admins');
  const f = useFormat();
  return (
    <DataList
      rows={admins}
      rowKey={(a) => a.id}
      rowTestId={(a) => `admin-row-${a.id}`}
      testId="admins-table"
      caption={t('title')}
      empty={{ title: t('empty') }}
      columns={[
        {
          key: 'admin',
          header: t('admin'),
          label: false,
          cell: (a) => (
            <div>
              <div className="font-medium">
                {a.name} {a.id === selfId && <Badge tone="blue">{t('you')}</Badge>}
              </div>
              <div className="text-xs text-slate-500 wrap-anywhere">{a.email}</div>
            </div>
          ),
        },
        {
          key: 'status',
          header: t('status'),
          cell: (a) => (a.status === 'active' ? <StatusBadge status="active" /> : <Badge tone="red">{t('disabled')}</Badge>),
        },
        { key: 'login', header: t('lastSignIn'), className: 'whitespace-nowrap', cell: (a) => f.dateTime(a.last_login_at) },
        {
          key: 'actions',
          header: <span className="sr-only">{t('actions')}</span>,
          label: false,
          align: 'right',
          cell: (a) => (
            <div className="flex justify-end">
              <InlineAction
                action={setAdminStatusAction}
                fields={{ id: String(a.id), status: a.status === 'active' ? 'suspended' : 'active' }}
                label={a.status === 'active' ? t('disable') : t('enable')}
                variant={a.status === 'active' ? 'secondary' : 'primary'}
              />
            </div>
          ),
        },
      ]}
    />
  );
}
