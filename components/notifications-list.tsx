// The notifications page of every portal: newest first, unread marked, mark one or all read.
import { useTranslations } from 'next-intl';
import { markAllReadAction, markOneReadAction } from '@/app/notifications/actions';

export interface NoticeItem {
  id: number;
  title: string;
  body: string;
  read_at: string | null;
  created_at: string;
  when: string;
}

export function NotificationsList({ items, unread }: { items: NoticeItem[]; unread: number }) {
  const t = useTranslations('notifications');
  return (
    <section className="space-y-4">
      <div className="flex items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">{t('title')}</h1>
        {unread > 0 && (
          <form action={markAllReadAction}>
            <button
              type="submit"
              className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50"
              data-testid="mark-all-read"
            >
              {t('markAll')}
            </button>
          </form>
        )}
      </div>
      {items.length === 0 ? (
        <p className="text-sm text-slate-500">{t('empty')}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white" data-testid="notifications">
          {items.map((n) => (
            <li
              key={n.id}
              className="flex items-start justify-between gap-3 px-4 py-3"
              data-testid={`notification-${n.id}`}
              data-unread={!n.read_at}
            >
              <div>
                <p className="font-medium">
                  {!n.read_at && <span className="mr-2 rounded bg-brand-600 px-1.5 py-0.5 text-xs text-white">{t('unread')}</span>}
                  {n.title}
                </p>
                <p className="mt-0.5 text-sm text-slate-600">{n.body}</p>
                <p className="mt-0.5 text-xs text-slate-400">{n.when}</p>
              </div>
              {!n.read_at && (
                <form action={markOneReadAction}>
                  <input type="hidden" name="id" value={n.id} />
                  <button type="submit" className="text-xs text-slate-500 hover:underline">
                    {t('markRead')}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
