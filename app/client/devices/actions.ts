'use server';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import QRCode from 'qrcode';
import { z } from 'zod';
import { formAction } from '@/lib/http/form-action';
import { removeDevice, updateDevice } from '@/lib/services/devices';
import { issueGatewayCredentials, issuePairingCode } from '@/lib/services/gateway-credentials';
import { deviceUpdateInput, NOTIFICATION_CHANNELS } from '@/lib/validation/gateway';
import { requestOrigin } from '../_lib/origin';

const deviceId = z.string().trim().min(1).max(36);

/** The settings the app needs, as text in a QR code the phone can scan. */
function qr(text: string): Promise<string> {
  return QRCode.toDataURL(text, { margin: 1, width: 220, errorCorrectionLevel: 'M' });
}

/** Issue (or reset) the gateway password: shown once; the old one stops working. */
export const issueCredentialsAction = formAction('client', z.object({}), async ({ db, actor }) => {
  const c = await issueGatewayCredentials(db, actor, await requestOrigin());
  revalidatePath('/client/devices');
  const settings = `Server: ${c.mobile_api_url}\nLogin: ${c.login}\nPassword: ${c.password}`;
  return { ok: true, data: { login: c.login, password: c.password, url: c.mobile_api_url, qr: await qr(settings) } };
});

/** A one-time code for signing a phone in without the password, valid 10 minutes. */
export const pairingCodeAction = formAction('client', z.object({}), async ({ db, actor }) => {
  const url = `${await requestOrigin()}/api/mobile/v1`;
  const { code, valid_until } = await issuePairingCode(db, actor.userId);
  return { ok: true, data: { code, valid_until, url, qr: await qr(`Server: ${url}\nCode: ${code}`) } };
});

export const renameDeviceAction = formAction(
  'client',
  deviceUpdateInput.required({ name: true }).extend({ id: deviceId }),
  async ({ db, actor, input }) => {
    await updateDevice(db, actor, input.id, { name: input.name });
    revalidatePath('/client/devices');
    return { ok: true, message: (await getTranslations('actionResult'))('renamed') };
  },
);

export const setDeviceEnabledAction = formAction(
  'client',
  z.object({ id: deviceId, enabled: z.boolean() }),
  async ({ db, actor, input }) => {
    await updateDevice(db, actor, input.id, { enabled: input.enabled });
    revalidatePath('/client/devices');
    return { ok: true, message: (await getTranslations('actionResult'))(input.enabled ? 'enabled' : 'disabled') };
  },
  (v) => ({ id: v.id, enabled: v.enabled === 'true' }),
);

/** The app's notification channel for this phone (sent to it with SettingsUpdated; the app applies it on restart). */
export const setDeviceChannelAction = formAction(
  'client',
  z.object({ id: deviceId, notification_channel: z.enum(NOTIFICATION_CHANNELS) }),
  async ({ db, actor, input }) => {
    await updateDevice(db, actor, input.id, { notification_channel: input.notification_channel });
    revalidatePath('/client/devices');
    return { ok: true, message: (await getTranslations('actionResult'))('channel', { channel: input.notification_channel }) };
  },
);

export const removeDeviceAction = formAction('client', z.object({ id: deviceId }), async ({ db, actor, input }) => {
  await removeDevice(db, actor, input.id);
  revalidatePath('/client/devices');
  return { ok: true, message: (await getTranslations('actionResult'))('removed') };
});
