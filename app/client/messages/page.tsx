import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AutoRefresh } from '@/components/client/auto-refresh';
import { isMoving, MessageTable } from '@/components/client/message-table';
import { buttonClass, Card, inputClass, LinkButton, Notice, PageHeader } from '@/components/ui';
import { MESSAGE_STATES } from '@/db/schema/messaging';
import { requireRole } from '@/lib/auth/session';
import { zodFieldErrors } from '@/lib/http/errors';
import { compactParams, type RawSearchParams } from '@/lib/http/search-params';
import { listMessages } from '@/lib/services/messages';
import { clientPhoneCountry } from '@/lib/services/recipients';
import { getSettings } from '@/lib/services/settings';
import { listMessagesQuery } from '@/lib/validation/messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('client.messages'))('title') };
}

const FILTERS = ['status', 'search', 'from', 'to', 'limit'] as const;

export default async function MessagesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { db, actor } = await requireRole('client');
  const raw = compactParams(await searchParams);
  const parsed = listMessagesQuery.safeParse(raw);
  const q = parsed.success ? parsed.data : listMessagesQuery.parse({});
  const errors = parsed.success ? {} : zodFieldErrors(parsed.error);
  const settings = await getSettings(db);
  const country = await clientPhoneCountry(db, actor.userId);
  const page = await listMessages(db, actor, q, settings.time_zone, country);
  const kept: Record<string, string | undefined> = {};
  for (const k of FILTERS) if (parsed.success && raw[k]) kept[k] = raw[k];
  const exportQuery = new URLSearchParams(
    Object.entries(kept).filter((e): e is [string, string] => Boolean(e[1]) && e[0] !== 'limit'),
  ).toString();
  const filtered = Object.keys(kept).some((k) => k !== 'limit');
  const t = await getTranslations('client.messages');
  const st = await getTranslations('messageState');
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <a
            href={`/client/messages/export.csv${exportQuery ? `?${exportQuery}` : ''}`}
            className={buttonClass('secondary')}
            data-testid="export-csv"
          >
            {t('export')}
          </a>
        }
      />
      <Card>
        <form
          method="get"
          action="/client/messages"
          role="search"
          className="mb-4 grid grid-cols-2 gap-2 sm:flex sm:flex-wrap sm:items-end"
          data-testid="message-filters"
        >
          <label className="col-span-2 text-xs font-medium text-slate-600 sm:min-w-56 sm:flex-1">
            {t('search')}
            <input
              type="search"
              name="search"
              defaultValue={raw.search}
              placeholder={t('searchPlaceholder')}
              className={`${inputClass} mt-1`}
            />
          </label>
          <label className="col-span-2 text-xs font-medium text-slate-600 sm:col-span-1">
            {t('status')}
            <select name="status" defaultValue={raw.status ?? ''} className={`${inputClass} mt-1`}>
              <option value="">{t('allStates')}</option>
              {MESSAGE_STATES.map((s) => (
                <option key={s} value={s}>
                  {st(s)}
                </option>
              ))}
            </select>
          </label>
          <label className="min-w-0 text-xs font-medium text-slate-600">
            {t('from')}
            <input
              type="date"
              name="from"
              defaultValue={raw.from}
              className={`${inputClass} mt-1`}
              aria-invalid={errors.from ? true : undefined}
            />
          </label>
          <label className="min-w-0 text-xs font-medium text-slate-600">
            {t('to')}
            <input
              type="date"
              name="to"
              defaultValue={raw.to}
              className={`${inputClass} mt-1`}
              aria-invalid={errors.to ? true : undefined}
            />
          </label>
          <button type="submit" className={`${buttonClass('secondary')} col-span-2 sm:col-span-1`}>
            {t('filter')}
          </button>
        </form>
        {!parsed.success && (
          <div className="mb-4">
            <Notice tone="error">
              {t('badFilters')}{' '}
              {Object.entries(errors)
                .map(([k, v]) => `${k}: ${v.join(' ')}`)
                .join('; ')}
            </Notice>
          </div>
        )}
        <div className="mb-2 flex justify-end">
          <AutoRefresh active={isMoving(page.data)} />
        </div>
        <MessageTable
          rows={page.data}
          timeZone={settings.time_zone}
          country={country}
          page={page.pagination}
          nav={{ basePath: '/client/messages', query: kept }}
          empty={
            filtered
              ? { title: t('noMatch'), body: t('noMatchBody') }
              : { title: t('empty'), body: <LinkButton href="/client/send">{t('sendOne')}</LinkButton> }
          }
        />
      </Card>
    </>
  );
}
