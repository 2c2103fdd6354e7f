// POST|GET|PATCH /api/mobile/v1/device — registration and device info (SMS Gateway for Android protocol)
import { getDb } from '@/db';
import { bearerFrom } from '@/lib/auth/tokens';
import { clientIp } from '@/lib/http/api';
import { appVersionFrom, mobileError, readMobileJson, registrationAuth, withDevice } from '@/lib/http/mobile';
import { deviceFromToken, registerDevice, updateDeviceInfo } from '@/lib/services/devices';
import { patchDeviceBody, registerDeviceBody } from '@/lib/validation/mobile';

// 201 {id, token, login}; 401 bad credentials; 429 device_limit_reached; 403 suspended or expired.
export async function POST(req: Request) {
  try {
    const auth = registrationAuth(req.headers.get('authorization'));
    const body = await readMobileJson(req, registerDeviceBody);
    const r = await registerDevice(await getDb(), auth, {
      name: body.name,
      pushToken: body.pushToken,
      simCards: body.simCards,
      appVersion: appVersionFrom(req),
    });
    return Response.json({ id: r.id, token: r.token, login: r.login }, { status: 201 });
  } catch (err) {
    return mobileError(err);
  }
}

// The app reads only externalIp; the device is added when the token is valid.
export async function GET(req: Request) {
  const externalIp = clientIp(req) ?? '127.0.0.1';
  const token = bearerFrom(req.headers.get('authorization'));
  if (!token) return Response.json({ externalIp });
  try {
    const d = await deviceFromToken(await getDb(), token);
    return Response.json({
      externalIp,
      device: { id: d.id, name: d.name, createdAt: d.createdAt.toISOString(), lastSeen: d.lastSeenAt?.toISOString() },
    });
  } catch {
    return Response.json({ externalIp });
  }
}

// 204; 403 when the id is not the token's device; 401 unknown token (the app then registers again).
export const PATCH = withDevice(async ({ req, db, device }) => {
  const body = await readMobileJson(req, patchDeviceBody);
  await updateDeviceInfo(db, device, body);
  return new Response(null, { status: 204 });
});
