// /reseller/api — API keys (create, shown once; list; revoke) and how to call the reseller APIs.
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { InlineAction } from '@/components/inline-action';
import { ApiKeyCreate } from '@/components/reseller/api-key-create';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { getFormat } from '@/lib/i18n/server';
import { listApiKeys } from '@/lib/services/api-keys';
import { createApiKeyAction, revokeApiKeyAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reseller.api'))('title') };
}

export default async function ApiKeysPage() {
  const { db, actor, email } = await requireRole('reseller');
  const [keys, t, f] = await Promise.all([listApiKeys(db, actor), getTranslations('reseller.api'), getFormat()]);
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'your-host';
  const proto = h.get('x-forwarded-proto') ?? (/^(localhost|127\.0\.0\.1|[^:]+\.localhost)(:\d+)?$/.test(host) ? 'http' : 'https');
  const origin = `${proto}://${host}`;
  // Commands and addresses are code, the same in every language.
  const profileCurl = `curl ${origin}/api/reseller/profile \\\n  -H "Authorization: Bearer <key>"`;
  const clicksendCurl = `curl ${origin}/v3/reseller/accounts \\\n  -u "${email}:<key>"`;
  const clicksendBase = `${origin}/v3`;
  const code = 'block overflow-x-auto whitespace-pre rounded-lg bg-slate-900 p-3 font-mono text-xs text-slate-100';
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <div className="grid gap-5 lg:grid-cols-5">
        <div className="space-y-5 lg:col-span-3">
          <Card title={t('create')}>
            <ApiKeyCreate action={createApiKeyAction} />
          </Card>
          <Card title={t('yourKeys')}>
            {keys.length === 0 ? (
              <EmptyState title={t('noKeys')}>{t('noKeysBody')}</EmptyState>
            ) : (
              <ul className="divide-y divide-slate-100" data-testid="api-keys">
                {keys.map((k) => (
                  <li key={k.id} className="flex items-center justify-between gap-3 py-3 first:pt-0 last:pb-0">
                    <div className="min-w-0">
                      <div className="break-words font-medium">
                        {k.name} {k.revoked_at && <Badge tone="red">{t('revoked')}</Badge>}
                      </div>
                      <div className="break-all font-mono text-xs text-slate-500">{k.prefix}…</div>
                      <div className="text-xs text-slate-500">
                        {t('createdAt', { date: f.dateTime(k.created_at) })} ·{' '}
                        {k.last_used_at ? t('lastUsed', { date: f.dateTime(k.last_used_at) }) : t('neverUsed')}
                        {k.revoked_at && ` · ${t('revokedAt', { date: f.dateTime(k.revoked_at) })}`}
                      </div>
                    </div>
                    {!k.revoked_at && (
                      <InlineAction
                        action={revokeApiKeyAction}
                        fields={{ key_id: String(k.id) }}
                        label={t('revoke')}
                        variant="danger"
                        testId={`revoke-${k.id}`}
                      />
                    )}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
        <Card title={t('howTo')} className="min-w-0 lg:col-span-2">
          <div className="space-y-4 text-sm text-slate-700">
            <div>
              <h3 className="font-medium">{t('resellerApi')}</h3>
              <p className="mt-1">
                {t.rich('bearer', { code: (chunks) => <code className="break-all">{chunks}</code>, path: '/api/reseller/*' })}
              </p>
              <code className={`${code} mt-2`}>{profileCurl}</code>
            </div>
            <div>
              <h3 className="font-medium">{t('clicksend')}</h3>
              <p className="mt-1">
                {t.rich('clicksendBody', {
                  base: () => (
                    <code className="break-all" data-testid="clicksend-base">
                      {clicksendBase}
                    </code>
                  ),
                })}
              </p>
              <code className={`${code} mt-2`}>{clicksendCurl}</code>
            </div>
            <p>
              <a href="/docs" className="text-brand-700 underline">
                {t('reference')}
              </a>
            </p>
          </div>
        </Card>
      </div>
    </>
  );
}
