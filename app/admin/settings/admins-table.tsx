// The platform admins with enable / disable; the service refuses disabling yourself or the last active admin.
import { DataList } from '@/components/data-list';
import { InlineAction } from '@/components/inline-action';
import { Badge, StatusBadge } from '@/components/ui';
import { formatDateTime } from '@/lib/format';
import type { AdminView } from '@/lib/services/admins';
import { setAdminStatusAction } from './actions';

export function AdminsTable({ admins, selfId }: { admins: AdminView[]; selfId: number }) {
  return (
    <DataList
      rows={admins}
      rowKey={(a) => a.id}
      rowTestId={(a) => `admin-row-${a.id}`}
      testId="admins-table"
      caption="Admins"
      empty={{ title: 'No admins.' }}
      columns={[
        {
          key: 'admin',
          header: 'Admin',
          label: false,
          cell: (a) => (
            <div>
              <div className="font-medium">
                {a.name} {a.id === selfId && <Badge tone="blue">you</Badge>}
              </div>
              <div className="text-xs text-slate-500 wrap-anywhere">{a.email}</div>
            </div>
          ),
        },
        {
          key: 'status',
          header: 'Status',
          cell: (a) => (a.status === 'active' ? <StatusBadge status="active" /> : <Badge tone="red">disabled</Badge>),
        },
        { key: 'login', header: 'Last sign-in', className: 'whitespace-nowrap', cell: (a) => formatDateTime(a.last_login_at) },
        {
          key: 'actions',
          header: <span className="sr-only">Actions</span>,
          label: false,
          align: 'right',
          cell: (a) => (
            <div className="flex justify-end">
              <InlineAction
                action={setAdminStatusAction}
                fields={{ id: String(a.id), status: a.status === 'active' ? 'suspended' : 'active' }}
                label={a.status === 'active' ? 'Disable' : 'Enable'}
                variant={a.status === 'active' ? 'secondary' : 'primary'}
              />
            </div>
          ),
        },
      ]}
    />
  );
}
