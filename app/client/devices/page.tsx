import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { DeviceRow } from '@/components/client/device-row';
import { GatewayPanel } from '@/components/client/gateway-panel';
import { Card, EmptyState, PageHeader } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { getFormat } from '@/lib/i18n/server';
import { clientHome } from '@/lib/services/client-portal';
import { listDevices } from '@/lib/services/devices';
import { gatewayLoginOf, gatewayUrls } from '@/lib/services/gateway-credentials';
import { getSettings } from '@/lib/services/settings';
import { requestOrigin } from '../_lib/origin';
import {
  issueCredentialsAction,
  pairingCodeAction,
  removeDeviceAction,
  renameDeviceAction,
  setDeviceChannelAction,
  setDeviceEnabledAction,
} from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('client.devices'))('title') };
}

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
  const [t, f] = await Promise.all([getTranslations('client.devices'), getFormat(settings.time_zone)]);
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={
          <>
            {t('subtitle')}{' '}
            <span data-testid="device-limit" className="font-medium text-slate-700">
              {t('limit', { active, limit })}
            </span>{' '}
            {t('inUse')}
          </>
        }
      />
      <div className="space-y-5">
        <Card title={t('pair')}>
          <GatewayPanel
            url={gatewayUrls(origin).mobile_api_url}
            login={login}
            credentialsAction={issueCredentialsAction}
            codeAction={pairingCodeAction}
          />
        </Card>
        <Card title={t('yours', { count: devices.length })}>
          {devices.length ? (
            <ul className="-my-4 divide-y divide-slate-100">
              {devices.map((d) => (
                <DeviceRow
                  key={d.id}
                  device={d}
                  lastSeen={d.last_seen_at ? f.dateTime(d.last_seen_at) : t('never')}
                  renameAction={renameDeviceAction}
                  enableAction={setDeviceEnabledAction}
                  channelAction={setDeviceChannelAction}
                  removeAction={removeDeviceAction}
                />
              ))}
            </ul>
          ) : (
            <EmptyState title={t('empty')}>{t('emptyBody')}</EmptyState>
          )}
          {active >= limit && limit > 0 && <p className="mt-4 text-xs text-slate-500">{t('atLimit', { limit })}</p>}
        </Card>
      </div>
    </>
  );
}
