import type { Metadata } from 'next';
import { ActionForm } from '@/components/action-form';
import { SmppCredentials } from '@/components/client/smpp-credentials';
import { Badge, Card, DetailList, EmptyState, PageHeader } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format';
import { getSettings } from '@/lib/services/settings';
import { listBinds } from '@/lib/services/smpp/binds';
import { findSmppAccount } from '@/lib/services/smpp/credentials';
import { smppLimits } from '@/lib/services/smpp/limits';
import { hostOf, smppEndpoint } from '@/lib/smpp/config';
import { requestOrigin } from '../_lib/origin';
import { issueSmppCredentialsAction, updateSmppIpRangesAction } from './actions';

export const metadata: Metadata = { title: 'SMPP' };

export default async function SmppPage() {
  const { db, actor } = await requireRole('client');
  const endpoint = smppEndpoint(hostOf(await requestOrigin()));
  const [account, binds, limits, settings] = await Promise.all([
    findSmppAccount(db, actor, endpoint),
    listBinds(db, actor),
    smppLimits(db, actor.userId),
    getSettings(db),
  ]);
  const tz = settings.time_zone;
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
      <PageHeader
        title="SMPP"
        subtitle="Connect software that speaks SMPP 3.4: a bank’s OTP sender, school or clinic software, Kannel, another gateway."
      />
      <div className="grid gap-5 [&>*]:min-w-0 lg:grid-cols-2">
        <Card title="Connection">
          <DetailList
            items={[
              [
                'Host',
                <span key="h" className="font-mono" data-testid="smpp-host">
                  {endpoint.host}
                </span>,
              ],
              [
                'Port',
                <span key="p" className="font-mono" data-testid="smpp-port">
                  {endpoint.port ?? 'off on this server'}
                  {endpoint.tls_port ? ` · TLS ${endpoint.tls_port}` : ''}
                </span>,
              ],
              ['Throughput', `${limits.throughput} messages per second`],
              ['Connections at once', String(limits.maxBinds)],
            ]}
          />
          <div className="mt-5 border-t border-slate-100 pt-4">
            <SmppCredentials systemId={account?.system_id ?? null} action={issueSmppCredentialsAction} />
          </div>
        </Card>
        <Card title="Allowed IP addresses">
          {account ? (
            <ActionForm
              action={updateSmppIpRangesAction}
              testId="smpp-ip-form"
              columns={1}
              submitLabel="Save addresses"
              fields={[
                {
                  name: 'allowed_ips',
                  label: 'Addresses or ranges, one per line',
                  type: 'textarea',
                  defaultValue: account.allowed_ips.join('\n'),
                  placeholder: '203.0.113.0/24\n198.51.100.7',
                  hint: 'Empty: connections from any address. Connections from outside a new list are closed.',
                },
              ]}
            />
          ) : (
            <p className="text-sm text-slate-600">Create SMPP credentials first.</p>
          )}
        </Card>
      </div>
      <Card title={`Active connections (${binds.length})`} className="mt-5">
        {binds.length ? (
          <div className="-mx-4 overflow-x-auto sm:-mx-5">
            <table className="min-w-full text-sm" data-testid="smpp-binds">
              <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th className="px-4 py-2 sm:px-5">Mode</th>
                  <th className="px-4 py-2">From</th>
                  <th className="px-4 py-2">Connected</th>
                  <th className="px-4 py-2 text-right">Submitted</th>
                  <th className="px-4 py-2 text-right sm:pr-5">Delivered to it</th>
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
                    <td className="px-4 py-2">{formatDateTime(b.bound_at, tz)}</td>
                    <td className="px-4 py-2 text-right tabular-nums">{b.submitted}</td>
                    <td className="px-4 py-2 text-right tabular-nums sm:pr-5">{b.delivered}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <EmptyState title="Nothing connected">Connections appear here while your software is bound, on any of our servers.</EmptyState>
        )}
      </Card>
      <Card title="Connect Kannel" className="mt-5">
        <pre className="overflow-x-auto rounded-lg bg-slate-900 p-3 text-xs leading-relaxed text-slate-100" data-testid="smpp-kannel">
          <code>{kannel}</code>
        </pre>
        <p className="mt-2 text-xs text-slate-500">
          Messages are sent by your phones and count against your package like any other SMS. Ask for delivery receipts with
          registered_delivery (Kannel: dlr-mask); long messages may be split by UDH or SAR, or sent whole in message_payload.
        </p>
      </Card>
    </>
  );
}
