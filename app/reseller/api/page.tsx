// /reseller/api — API keys (create, shown once; list; revoke) and how to call the reseller APIs.
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { InlineAction } from '@/components/inline-action';
import { ApiKeyCreate } from '@/components/reseller/api-key-create';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format';
import { listApiKeys } from '@/lib/services/api-keys';
import { createApiKeyAction, revokeApiKeyAction } from './actions';

export const metadata: Metadata = { title: 'API keys' };

export default async function ApiKeysPage() {
  const { db, actor, email } = await requireRole('reseller');
  const keys = await listApiKeys(db, actor);
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'your-host';
  const proto = h.get('x-forwarded-proto') ?? (/^(localhost|127\.0\.0\.1|[^:]+\.localhost)(:\d+)?$/.test(host) ? 'http' : 'https');
  const origin = `${proto}://${host}`;
  const code = 'block overflow-x-auto whitespace-pre rounded-lg bg-slate-900 p-3 font-mono text-xs text-slate-100';
  return (
    <>
      <PageHeader title="API keys" subtitle="Connect your own billing or CRM system. A key works wherever your login token does." />
      <div className="grid gap-5 lg:grid-cols-5">
        <div className="space-y-5 lg:col-span-3">
          <Card title="Create a key">
            <ApiKeyCreate action={createApiKeyAction} />
          </Card>
          <Card title="Your keys">
            {keys.length === 0 ? (
              <EmptyState title="No API keys yet.">Create one above; it is shown once.</EmptyState>
            ) : (
              <ul className="divide-y divide-slate-100" data-testid="api-keys">
                {keys.map((k) => (
                  <li key={k.id} className="flex items-center justify-between gap-3 py-3 first:pt-0 last:pb-0">
                    <div className="min-w-0">
                      <div className="break-words font-medium">
                        {k.name} {k.revoked_at && <Badge tone="red">revoked</Badge>}
                      </div>
                      <div className="break-all font-mono text-xs text-slate-500">{k.prefix}…</div>
                      <div className="text-xs text-slate-500">
                        Created {formatDateTime(k.created_at)} ·{' '}
                        {k.last_used_at ? `last used ${formatDateTime(k.last_used_at)}` : 'never used'}
                        {k.revoked_at && ` · revoked ${formatDateTime(k.revoked_at)}`}
                      </div>
                    </div>
                    {!k.revoked_at && (
                      <InlineAction
                        action={revokeApiKeyAction}
                        fields={{ key_id: String(k.id) }}
                        label="Revoke"
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
        <Card title="How to use a key" className="min-w-0 lg:col-span-2">
          <div className="space-y-4 text-sm text-slate-700">
            <div>
              <h3 className="font-medium">Reseller API</h3>
              <p className="mt-1">
                Send the key as a Bearer token to <code className="break-all">/api/reseller/*</code>:
              </p>
              <code className={`${code} mt-2`}>{`curl ${origin}/api/reseller/profile \\\n  -H "Authorization: Bearer <key>"`}</code>
            </div>
            <div>
              <h3 className="font-medium">ClickSend-compatible API</h3>
              <p className="mt-1">
                An integration written for ClickSend&apos;s reseller API works by changing its base URL to{' '}
                <code className="break-all" data-testid="clicksend-base">
                  {origin}/v3
                </code>
                , with HTTP Basic auth: your login email as the username and a key as the password.
              </p>
              <code className={`${code} mt-2`}>{`curl ${origin}/v3/reseller/accounts \\\n  -u "${email}:<key>"`}</code>
            </div>
            <p>
              <a href="/docs" className="text-brand-700 underline">
                Full API reference
              </a>
            </p>
          </div>
        </Card>
      </div>
    </>
  );
}
