import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ApiKeyCreate } from '@/components/client/api-key-create';
import { ConfirmAction } from '@/components/client/confirm-action';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { getFormat } from '@/lib/i18n/server';
import { listApiKeys } from '@/lib/services/api-keys';
import { getSettings } from '@/lib/services/settings';
import { requestOrigin } from '../_lib/origin';
import { createApiKeyAction, revokeApiKeyAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('client.api'))('title') };
}

export default async function ApiKeysPage() {
  const { db, actor } = await requireRole('client');
  const [keys, settings, origin] = await Promise.all([listApiKeys(db, actor), getSettings(db), requestOrigin()]);
  const [t, f] = await Promise.all([getTranslations('client.api'), getFormat(settings.time_zone)]);
  const curl = `curl -X POST ${origin}/api/v1/sms/send \\
  -H "Authorization: Bearer YOUR_API_KEY" \\
  -H "Content-Type: application/json" \\
  -d '{"phone": "+959123456789", "message": "Hello from the API"}'`;
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <div className="grid gap-5 [&>*]:min-w-0 lg:grid-cols-2">
        <Card title={t('create')}>
          <ApiKeyCreate action={createApiKeyAction} />
        </Card>
        <Card title={t('curlTitle')}>
          <pre className="overflow-x-auto rounded-lg bg-slate-900 p-3 text-xs leading-relaxed text-slate-100" data-testid="curl-example">
            <code>{curl}</code>
          </pre>
          <p className="mt-2 text-xs text-slate-500">
            {t.rich('curlHelp', {
              code: (c) => <code>{c}</code>,
              doc: (c) => (
                <a className="text-brand-700 hover:underline" href="/api/openapi.json">
                  {c}
                </a>
              ),
            })}
          </p>
        </Card>
      </div>
      <Card title={t('yours', { count: keys.length })} className="mt-5">
        {keys.length ? (
          <ul className="-my-4 divide-y divide-slate-100">
            {keys.map((k) => (
              <li key={k.id} className="flex flex-wrap items-center justify-between gap-3 py-4" data-testid={`api-key-row-${k.id}`}>
                <div className="min-w-0">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium break-all">{k.name}</span>
                    <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{k.prefix}…</code>
                    {k.revoked_at ? <Badge tone="red">{t('revoked')}</Badge> : <Badge tone="green">{t('active')}</Badge>}
                  </div>
                  <p className="mt-1 text-xs text-slate-600">
                    {t('used', { created: f.dateTime(k.created_at), used: k.last_used_at ? f.dateTime(k.last_used_at) : t('never') })}
                    {k.revoked_at && ` · ${t('revokedAt', { date: f.dateTime(k.revoked_at) })}`}
                  </p>
                </div>
                {!k.revoked_at && (
                  <ConfirmAction
                    action={revokeApiKeyAction}
                    fields={{ id: String(k.id) }}
                    label={t('revoke')}
                    question={t('revokeQuestion')}
                    testId={`revoke-${k.id}`}
                  />
                )}
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState title={t('empty')}>{t('emptyBody')}</EmptyState>
        )}
      </Card>
    </>
  );
}
