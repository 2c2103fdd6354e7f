// Each event this person hears, with a box per channel (in the portal, e-mail, SMS); saved as a whole.
import { useTranslations } from 'next-intl';
import { saveChannelsAction } from '@/app/notifications/actions';
import type { Channel, EventName } from '@/lib/notifications/events';

const CHANNELS: Channel[] = ['in_app', 'email', 'sms'];

export function ChannelChoices({ rows, emailOn }: { rows: { event: EventName; channels: Record<Channel, boolean> }[]; emailOn: boolean }) {
  const t = useTranslations('notifications');
  return (
    <form action={saveChannelsAction} className="mt-8 rounded-xl border border-slate-200 bg-white p-4" data-testid="channel-choices">
      <h2 className="font-semibold">{t('prefsTitle')}</h2>
      <p className="mb-3 text-sm text-slate-500">{t('prefsHint')}</p>
      {!emailOn && (
        <p className="mb-3 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-800" data-testid="email-off">
          {t('emailOff')}
        </p>
      )}
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left text-slate-500">
            <th className="py-1 font-medium">{t('event')}</th>
            {CHANNELS.map((c) => (
              <th key={c} className="py-1 text-center font-medium">
                {t(`channel.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.event} className="border-t border-slate-100">
              <td className="py-1.5">{t(`events.${r.event}`)}</td>
              {CHANNELS.map((c) => (
                <td key={c} className="text-center">
                  <input
                    type="checkbox"
                    name={`${r.event}:${c}`}
                    defaultChecked={r.channels[c]}
                    aria-label={`${t(`events.${r.event}`)} — ${t(`channel.${c}`)}`}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-slate-500">{t('noPhone')}</p>
      <button type="submit" className="mt-3 rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-medium text-white" data-testid="save-channels">
        {t('save')}
      </button>
    </form>
  );
}
