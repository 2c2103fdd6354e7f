import type { Metadata } from 'next';
import { ApiKeyCreate } from '@/components/client/api-key-create';
import { ConfirmAction } from '@/components/client/confirm-action';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format';
import { listApiKeys } from '@/lib/services/api-keys';
import { getSettings } from '@/lib/services/settings';
import { requestOrigin } from '../_lib/origin';
import { createApiKeyAction, revokeApiKeyAction } from './actions';

export const metadata: Metadata = { title: 'API keys' };

export default async function ApiKeysPage() {
  const { db, actor } = await requireRole('client');
  const [keys, settings, origin] = await Promise.all([listApiKeys(db, actor), getSettings(db), requestOrigin()]);
  const tz = settings.time_zone;
  const curl = `curl -X POST ${origin}/api/v1/sms/send \\
  -H "Authorization: Bearer YOUR_API_KEY" \\
  -H "Content-Type: application/json" \\
  -d '{"phone": "+959123456789", "message": "Hello from the API"}'`;
  return (
    <>
      <PageHeader title="API keys" subtitle="Send SMS and read your message log from your own software." />
      <div className="grid gap-5 [&>*]:min-w-0 lg:grid-cols-2">
        <Card title="Create a key">
          <ApiKeyCreate action={createApiKeyAction} />
        </Card>
        <Card title="Send an SMS with curl">
          <pre className="overflow-x-auto rounded-lg bg-slate-900 p-3 text-xs leading-relaxed text-slate-100" data-testid="curl-example">
            <code>{curl}</code>
          </pre>
          <p className="mt-2 text-xs text-slate-500">
            Answers 202 with the queued message. Use <code>{'"phones": [...]'}</code> for several recipients. 403 when the account is
            expired or suspended, 429 when a limit is reached. Full reference:{' '}
            <a className="text-brand-700 hover:underline" href="/api/openapi.json">
              OpenAPI document
            </a>
            .
          </p>
        </Card>
      </div>
      <Card title={`Your keys (${keys.length})`} className="mt-5">
        {keys.length ? (
          <ul className="-my-4 divide-y divide-slate-100">
            {keys.map((k) => (
              <li key={k.id} className="flex flex-wrap items-center justify-between gap-3 py-4" data-testid={`api-key-row-${k.id}`}>
                <div className="min-w-0">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium break-all">{k.name}</span>
                    <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{k.prefix}…</code>
                    {k.revoked_at ? <Badge tone="red">revoked</Badge> : <Badge tone="green">active</Badge>}
                  </div>
                  <p className="mt-1 text-xs text-slate-600">
                    Created {formatDateTime(k.created_at, tz)} · Last used {k.last_used_at ? formatDateTime(k.last_used_at, tz) : 'never'}
                    {k.revoked_at && ` · Revoked ${formatDateTime(k.revoked_at, tz)}`}
                  </p>
                </div>
                {!k.revoked_at && (
                  <ConfirmAction
                    action={revokeApiKeyAction}
                    fields={{ id: String(k.id) }}
                    label="Revoke"
                    question="Revoke this key?"
                    testId={`revoke-${k.id}`}
                  />
                )}
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState title="No API keys yet">Create one above to use the API.</EmptyState>
        )}
      </Card>
    </>
  );
}
