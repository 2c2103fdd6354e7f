// A client's subscriptions, newest first. A period a switch cut short shows when it really ended; one that
// was cancelled before it started (a queued renewal) shows no end date before its start, only that it was
// cancelled and what came back.
import { useTranslations } from 'next-intl';
import { useFormat } from '@/lib/i18n/format';
import type { Subscription } from '@/lib/services/subscriptions';

export function SubscriptionHistory({ history, names }: { history: Subscription[]; names: Map<string, string> }) {
  const t = useTranslations('subscriptionHistory');
  const f = useFormat();
  if (history.length === 0) return <p className="text-sm text-slate-500">{t('none')}</p>;
  return (
    <ul className="divide-y divide-slate-100 text-sm" data-testid="subscription-history">
      {history.map((s) => {
        const cancelled = s.canceledAt !== null && s.canceledAt < s.endsAt;
        const beforeStart = cancelled && s.canceledAt !== null && s.canceledAt <= s.startsAt;
        const own = names.get(s.packageCode);
        return (
          <li key={s.id} className="flex flex-wrap justify-between gap-x-3 gap-y-1 py-2" data-testid="subscription-row">
            <span>
              <span className="font-medium">{own && own !== s.packageName ? `${own} (${s.packageName})` : s.packageName}</span>{' '}
              <span className="text-slate-500">({t(`kind.${s.kind}`)})</span>
            </span>
            <span className="tabular-nums text-slate-600">
              {beforeStart ? (
                <span>{t('queuedFor', { date: f.date(s.startsAt) })}</span>
              ) : (
                <span>
                  {f.date(s.startsAt)} – {f.date(cancelled ? s.canceledAt : s.endsAt)}
                </span>
              )}{' '}
              · {f.money(s.price)}
              {cancelled && (
                <span className="text-emerald-700" data-testid="subscription-cancelled">
                  {' '}
                  · {t('cancelled', { amount: f.money(s.refundAmount) })}
                </span>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
