// The client's message log rows in the shared DataList: time, recipient(s), text, SMS count, state. On a
// phone each message is a card with its state on screen.
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { type Column, DataList, type ListNav, type ListPage } from '@/components/data-list';
import { useFormat } from '@/lib/i18n/format';
import { type CountryCode, displayPhone } from '@/lib/phone';
import type { MessageView } from '@/lib/services/messages';
import { MessageStateBadge } from './message-state';

function recipientsLabel(m: MessageView, country: CountryCode): string {
  const first = displayPhone(m.phone, country);
  return m.recipients.length > 1 ? `${first} +${m.recipients.length - 1}` : first;
}

export function MessageTable({
  rows,
  timeZone,
  country,
  page,
  nav,
  empty,
}: {
  rows: MessageView[];
  timeZone?: string;
  /** The client's country: its own numbers show in the national format. */
  country: CountryCode;
  page?: ListPage;
  nav?: ListNav;
  empty: { title: string; body?: ReactNode };
}) {
  const t = useTranslations('client.messages');
  const f = useFormat(timeZone);
  const columns: Column<MessageView>[] = [
    {
      key: 'sent',
      header: t('sent'),
      className: 'align-top text-xs text-slate-600 sm:w-40',
      cell: (m) => (
        <Link href={`/client/messages/${m.id}`} className="hover:underline">
          {f.dateTime(m.created_at)}
        </Link>
      ),
    },
    {
      key: 'recipient',
      header: t('recipient'),
      className: 'align-top',
      cell: (m) => (
        <Link href={`/client/messages/${m.id}`} className="font-mono text-xs font-medium text-brand-700 hover:underline">
          {recipientsLabel(m, country)}
        </Link>
      ),
    },
    {
      key: 'text',
      header: t('message'),
      className: 'align-top sm:max-w-xs',
      cell: (m) => (
        <p className="truncate text-slate-700 max-sm:max-w-[14rem]" title={m.message}>
          {m.message}
        </p>
      ),
    },
    {
      key: 'sms',
      header: 'SMS',
      align: 'right',
      from: 'md',
      className: 'align-top',
      cell: (m) => f.number(m.segments * m.recipients.length),
    },
    {
      key: 'state',
      header: t('state'),
      className: 'align-top',
      cell: (m) => <MessageStateBadge state={m.state} testId={`message-state-${m.id}`} />,
    },
  ];
  return (
    <DataList
      rows={rows}
      columns={columns}
      rowKey={(m) => m.id}
      testId="messages-table"
      caption={t('title')}
      page={page}
      nav={nav}
      empty={empty}
    />
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
