import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/action-form';
import { SmppCredentials } from '@/components/client/smpp-credentials';
import { Badge, Card, DetailList, EmptyState, PageHeader } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { getFormat } from '@/lib/i18n/server';
import { getSettings } from '@/lib/services/settings';
import { listBinds } from '@/lib/services/smpp/binds';
import { findSmppAccount } from '@/lib/services/smpp/credentials';
import { smppLimits } from '@/lib/services/smpp/limits';
import { hostOf, smppEndpoint } from '@/lib/smpp/config';
import { requestOrigin } from '../_lib/origin';
import { issueSmppCredentialsAction, updateSmppIpRangesAction } from './actions';

export const metadata: Metadata = { title: 'SMPP' };
// (SMPP is the protocol's name in every language.)

export default async function SmppPage() {
  const { db, actor } = await requireRole('client');
  const endpoint = smppEndpoint(hostOf(await requestOrigin()));
  const [account, binds, limits, settings] = await Promise.all([
    findSmppAccount(db, actor, endpoint),
    listBinds(db, actor),
    smppLimits(db, actor.userId),
    getSettings(db),
  ]);
  const [t, f] = await Promise.all([getTranslations('client.smpp'), getFormat(settings.time_zone)]);
  const kannel = `group = smsc
smsc = smpp
host = ${endpoint.host}
port = ${endpoint.port ?? 2775}
transceiver-mode = true
smsc-username = "${account?.system_id ?? 'YOUR_SYSTEM_ID'}"
smsc-password = "YOUR_PASSWORD"
enquire-link-interval = 30`;
  return (
    <>
      <PageHeader title="SMPP" subtitle={t('subtitle')} />
      <div className="grid gap-5 [&>*]:min-w-0 lg:grid-cols-2">
        <Card title={t('connection')}>
          <DetailList
            items={[
              [
                t('host'),
                <span key="h" className="font-mono" data-testid="smpp-host">
                  {endpoint.host}
                </span>,
              ],
              [
                t('port'),
                <span key="p" className="font-mono" data-testid="smpp-port">
                  {endpoint.port ?? t('off')}
                  {endpoint.tls_port ? ` · TLS ${endpoint.tls_port}` : ''}
                </span>,
              ],
              [t('throughput'), t('perSecond', { count: limits.throughput })],
              [t('maxBinds'), f.number(limits.maxBinds)],
            ]}
          />
          <div className="mt-5 border-t border-slate-100 pt-4">
            <SmppCredentials systemId={account?.system_id ?? null} action={issueSmppCredentialsAction} />
          </div>
        </Card>
        <Card title={t('allowedIps')}>
          {account ? (
            <ActionForm
              action={updateSmppIpRangesAction}
              testId="smpp-ip-form"
              columns={1}
              submitLabel={t('saveIps')}
              fields={[
                {
                  name: 'allowed_ips',
                  label: t('ipsLabel'),
                  type: 'textarea',
                  defaultValue: account.allowed_ips.join('\n'),
                  placeholder: '203.0.113.0/24\n198.51.100.7',
                  hint: t('ipsHint'),
                },
              ]}
            />
          ) : (
            <p className="text-sm text-slate-600">{t('credentialsFirst')}</p>
          )}
        </Card>
      </div>
      <Card title={t('binds', { count: binds.length })} className="mt-5">
        {binds.length ? (
          <div className="-mx-4 overflow-x-auto sm:-mx-5">
            <table className="min-w-full text-sm" data-testid="smpp-binds">
              <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th className="px-4 py-2 sm:px-5">{t('mode')}</th>
                  <th className="px-4 py-2">{t('from')}</th>
                  <th className="px-4 py-2">{t('connected')}</th>
                  <th className="px-4 py-2 text-right">{t('submitted')}</th>
                  <th className="px-4 py-2 text-right sm:pr-5">{t('delivered')}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {binds.map((b) => (
                  <tr key={b.id}>
                    <td className="px-4 py-2 sm:px-5">
                      <Badge tone="green">{b.mode}</Badge> {b.tls && <Badge tone="slate">TLS</Badge>}
                    </td>
                    <td className="px-4 py-2 font-mono">
                      {b.ip}
                      {b.system_type && <span className="ml-1 text-xs text-slate-500">({b.system_type})</span>}
                    </td>
                    <td className="px-4 py-2">{f.dateTime(b.bound_at)}</td>
                    <td className="px-4 py-2 text-right tabular-nums">{f.number(b.submitted)}</td>
                    <td className="px-4 py-2 text-right tabular-nums sm:pr-5">{f.number(b.delivered)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <EmptyState title={t('noBinds')}>{t('noBindsBody')}</EmptyState>
        )}
      </Card>
      <Card title={t('kannel')} className="mt-5">
        <pre className="overflow-x-auto rounded-lg bg-slate-900 p-3 text-xs leading-relaxed text-slate-100" data-testid="smpp-kannel">
          <code>{kannel}</code>
        </pre>
        <p className="mt-2 text-xs text-slate-500">{t('kannelHelp')}</p>
      </Card>
    </>
  );
}
