// The client's message log rows: time, recipient(s), text, state. On a phone the text moves under the
// recipient and the segment column drops, so the table never pushes the page sideways.
import Link from 'next/link';
import { formatDateTime } from '@/lib/format';
import type { MessageView } from '@/lib/services/messages';
import { MessageStateBadge } from './message-state';

function recipientsLabel(m: MessageView): string {
  return m.recipients.length > 1 ? `${m.phone} +${m.recipients.length - 1}` : m.phone;
}

export function MessageTable({ rows, timeZone }: { rows: MessageView[]; timeZone?: string }) {
  return (
    <div className="-mx-4 overflow-x-auto sm:mx-0">
      <table className="w-full table-fixed text-left text-sm">
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="w-28 px-4 py-2 font-medium sm:w-40 sm:px-2">Sent</th>
            <th className="px-2 py-2 font-medium">Recipient</th>
            <th className="hidden px-2 py-2 font-medium md:table-cell">Message</th>
            <th className="hidden w-16 px-2 py-2 text-right font-medium sm:table-cell">SMS</th>
            <th className="w-24 px-4 py-2 font-medium sm:px-2">State</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((m) => (
            <tr key={m.id} className="align-top hover:bg-slate-50">
              <td className="px-4 py-2 text-xs text-slate-600 sm:px-2">
                <Link href={`/client/messages/${m.id}`} className="hover:underline">
                  {formatDateTime(m.created_at, timeZone)}
                </Link>
              </td>
              <td className="min-w-0 px-2 py-2">
                <Link href={`/client/messages/${m.id}`} className="font-mono text-xs font-medium text-brand-700 hover:underline">
                  {recipientsLabel(m)}
                </Link>
                <p className="mt-0.5 truncate text-xs text-slate-500 md:hidden">{m.message}</p>
              </td>
              <td className="hidden min-w-0 px-2 py-2 md:table-cell">
                <p className="truncate text-slate-700" title={m.message}>
                  {m.message}
                </p>
              </td>
              <td className="hidden px-2 py-2 text-right tabular-nums sm:table-cell">{m.segments * m.recipients.length}</td>
              <td className="px-4 py-2 sm:px-2">
                <MessageStateBadge state={m.state} testId={`message-state-${m.id}`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Something on the page may still change: waiting for a phone, or sent within the last 15 minutes and
 * waiting for its delivery report (a report that never comes stops the refreshing after that).
 */
export const isMoving = (rows: { state: string; created_at: string | Date }[], now = Date.now()) =>
  rows.some(
    (m) =>
      m.state === 'pending' || m.state === 'processing' || (m.state === 'sent' && now - new Date(m.created_at).getTime() < 15 * 60_000),
  );
