// The clients list: status, package, expiry and usage; a phone shows name, status and expiry.
import Link from 'next/link';
import { formatDate } from '@/lib/format';
import type { ClientView } from '@/lib/services/clients';
import { StatusBadge } from './ui';

/**
 * `hrefBase` links each name to its detail page (omit it where there is none); `showReseller` adds the
 * owning reseller, linked to the admin's reseller page (the admin's all-clients list).
 */
export function ClientTable({
  clients,
  hrefBase,
  showReseller = false,
}: {
  clients: ClientView[];
  hrefBase?: string;
  showReseller?: boolean;
}) {
  return (
    <div className="-mx-4 overflow-x-auto sm:mx-0">
      <table className="min-w-full text-sm" data-testid="clients-table">
        <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-4 py-2 font-medium sm:px-2">Client</th>
            {showReseller && <th className="hidden px-2 py-2 font-medium sm:table-cell">Reseller</th>}
            <th className="px-2 py-2 font-medium">Status</th>
            <th className="hidden px-2 py-2 font-medium sm:table-cell">Package</th>
            <th className="hidden px-2 py-2 font-medium sm:table-cell">Expires</th>
            <th className="hidden px-2 py-2 text-right font-medium md:table-cell">Today</th>
            <th className="hidden px-2 py-2 text-right font-medium md:table-cell">Period</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {clients.map((c) => (
            <tr key={c.id} className="hover:bg-slate-50">
              <td className="px-4 py-2.5 sm:px-2">
                {hrefBase ? (
                  <Link href={`${hrefBase}/${c.id}`} className="font-medium text-brand-700 hover:underline">
                    {c.name}
                  </Link>
                ) : (
                  <span className="font-medium">{c.name}</span>
                )}
                <div className="text-xs text-slate-500">
                  {c.email}
                  {c.phone ? ` · ${c.phone}` : ''}
                </div>
                {showReseller && <div className="text-xs text-slate-500 sm:hidden">via {c.reseller_name}</div>}
              </td>
              {showReseller && (
                <td className="hidden px-2 py-2.5 sm:table-cell">
                  <Link href={`/admin/resellers/${c.reseller_id}`} className="text-brand-700 hover:underline">
                    {c.reseller_name}
                  </Link>
                </td>
              )}
              <td className="px-2 py-2.5">
                <StatusBadge status={c.status} />
                <div className="mt-1 whitespace-nowrap text-xs text-slate-500 sm:hidden">{formatDate(c.expires_at)}</div>
              </td>
              <td className="hidden px-2 py-2.5 sm:table-cell">{c.package?.name ?? (c.status === 'trial' ? 'Free trial' : '—')}</td>
              <td className="hidden whitespace-nowrap px-2 py-2.5 sm:table-cell">{formatDate(c.expires_at)}</td>
              <td className="hidden px-2 py-2.5 text-right tabular-nums md:table-cell">
                {c.usage.today} / {c.usage.daily_limit}
              </td>
              <td className="hidden px-2 py-2.5 text-right tabular-nums md:table-cell">
                {c.usage.period} / {c.usage.period_limit}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
