// The platform admins with enable / disable; the service refuses disabling yourself or the last active admin.
import { InlineAction } from '@/components/inline-action';
import { Badge, StatusBadge } from '@/components/ui';
import { formatDateTime } from '@/lib/format';
import type { AdminView } from '@/lib/services/admins';
import { setAdminStatusAction } from './actions';

export function AdminsTable({ admins, selfId }: { admins: AdminView[]; selfId: number }) {
  return (
    <div className="relative -mx-4 overflow-x-auto sm:mx-0">
      <table className="min-w-full text-sm" data-testid="admins-table">
        <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-4 py-2 font-medium sm:px-2">Admin</th>
            <th className="px-2 py-2 font-medium">Status</th>
            <th className="hidden px-2 py-2 font-medium sm:table-cell">Last sign-in</th>
            <th className="px-2 py-2 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {admins.map((a) => {
            const active = a.status === 'active';
            return (
              <tr key={a.id} data-testid={`admin-row-${a.id}`} className="align-top">
                <td className="px-4 py-2.5 sm:px-2">
                  <div className="font-medium">
                    {a.name} {a.id === selfId && <Badge tone="blue">you</Badge>}
                  </div>
                  <div className="text-xs text-slate-500 wrap-anywhere">{a.email}</div>
                  <div className="text-xs text-slate-500 sm:hidden">Last sign-in {formatDateTime(a.last_login_at)}</div>
                </td>
                <td className="px-2 py-2.5">{active ? <StatusBadge status="active" /> : <Badge tone="red">disabled</Badge>}</td>
                <td className="hidden whitespace-nowrap px-2 py-2.5 sm:table-cell">{formatDateTime(a.last_login_at)}</td>
                <td className="px-2 py-2.5 text-right">
                  <InlineAction
                    action={setAdminStatusAction}
                    fields={{ id: String(a.id), status: active ? 'suspended' : 'active' }}
                    label={active ? 'Disable' : 'Enable'}
                    variant={active ? 'secondary' : 'primary'}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
