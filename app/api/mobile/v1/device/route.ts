// POST|GET|PATCH /api/mobile/v1/device — registration and device info (SMS Gateway for Android protocol)
import { mobile } from '@/lib/http/families';
import { appVersionFrom } from '@/lib/http/pipeline/gateway-auth';
import { registerDevice, updateDeviceInfo } from '@/lib/services/devices';
import { patchDeviceBody, registerDeviceBody } from '@/lib/validation/mobile';
import { externalIp, registered } from '@/lib/validation/responses/gateway-app';

// 201 {id, token, login}; 401 bad credentials; 429 device_limit_reached; 403 suspended or expired.
export const POST = mobile(
  {
    summary: 'Register a phone (Basic gateway login, Code <one-time code> or Bearer pairing token)',
    auth: 'registration',
    body: registerDeviceBody,
    status: 201,
    response: registered,
    errors: [403, 429],
  },
  async ({ req, db, body, deviceAuth }) => {
    const r = await registerDevice(db, deviceAuth, {
      name: body.name,
      pushToken: body.pushToken,
      simCards: body.simCards,
      appVersion: appVersionFrom(req),
    });
    return { id: r.id, token: r.token, login: r.login };
  },
);

// The app reads only externalIp; the device is added when the token is valid.
export const GET = mobile(
  { summary: 'External IP (and the device, with a valid token)', auth: 'optionalDevice', response: externalIp },
  async ({ ip, device }) => ({
    externalIp: ip ?? '127.0.0.1',
    ...(device
      ? {
          device: {
            id: device.id,
            name: device.name,
            createdAt: device.createdAt.toISOString(),
            lastSeen: device.lastSeenAt?.toISOString(),
          },
        }
      : {}),
  }),
);

// 204; 403 when the id is not the token's device; 401 unknown token (the app then registers again).
export const PATCH = mobile(
  {
    summary: 'Push token, SIM cards, battery, app version',
    auth: 'device',
    body: patchDeviceBody,
    status: 204,
    response: null,
    errors: [403],
  },
  async ({ db, device, body }) => {
    await updateDeviceInfo(db, device, body);
    return null;
  },
);
