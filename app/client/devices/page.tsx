import type { Metadata } from 'next';
import { DeviceRow } from '@/components/client/device-row';
import { GatewayPanel } from '@/components/client/gateway-panel';
import { Card, EmptyState, PageHeader } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format';
import { clientHome } from '@/lib/services/client-portal';
import { listDevices } from '@/lib/services/devices';
import { gatewayLoginOf, gatewayUrls } from '@/lib/services/gateway-credentials';
import { getSettings } from '@/lib/services/settings';
import { requestOrigin } from '../_lib/origin';
import { issueCredentialsAction, pairingCodeAction, removeDeviceAction, renameDeviceAction, setDeviceEnabledAction } from './actions';

export const metadata: Metadata = { title: 'Devices' };

export default async function DevicesPage() {
  const { db, actor } = await requireRole('client');
  const [{ client }, devices, login, settings, origin] = await Promise.all([
    clientHome(db, actor),
    listDevices(db, actor),
    gatewayLoginOf(db, actor.userId),
    getSettings(db),
    requestOrigin(),
  ]);
  const active = devices.filter((d) => d.enabled).length;
  const limit = client.usage.device_limit;
  return (
    <>
      <PageHeader
        title="Devices"
        subtitle={
          <>
            Android phones that send your SMS.{' '}
            <span data-testid="device-limit" className="font-medium text-slate-700">
              {active} of {limit} device{limit === 1 ? '' : 's'}
            </span>{' '}
            in use.
          </>
        }
      />
      <div className="space-y-5">
        <Card title="Pair a phone">
          <GatewayPanel
            url={gatewayUrls(origin).mobile_api_url}
            login={login}
            credentialsAction={issueCredentialsAction}
            codeAction={pairingCodeAction}
          />
        </Card>
        <Card title={`Your devices (${devices.length})`}>
          {devices.length ? (
            <ul className="-my-4 divide-y divide-slate-100">
              {devices.map((d) => (
                <DeviceRow
                  key={d.id}
                  device={d}
                  lastSeen={d.last_seen_at ? formatDateTime(d.last_seen_at, settings.time_zone) : 'never'}
                  renameAction={renameDeviceAction}
                  enableAction={setDeviceEnabledAction}
                  removeAction={removeDeviceAction}
                />
              ))}
            </ul>
          ) : (
            <EmptyState title="No phone paired yet">Follow the steps above; the phone appears here once the app signs in.</EmptyState>
          )}
          {active >= limit && limit > 0 && (
            <p className="mt-4 text-xs text-slate-500">
              Your package allows {limit} active device{limit === 1 ? '' : 's'}. Disable or remove one to add another.
            </p>
          )}
        </Card>
      </div>
    </>
  );
}
