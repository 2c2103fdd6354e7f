// GET|PATCH /api/mobile/v1/message — the device pulls its work and reports per-recipient states
import { mobileMessage, readMobileJson, withDevice } from '@/lib/http/mobile';
import { pullMessages, reportStates } from '@/lib/services/device-queue';
import { patchMessagesBody, pullQuery } from '@/lib/validation/mobile';

export const GET = withDevice(async ({ req, db, device }) => {
  const q = pullQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  const list = await pullMessages(db, device, q.success ? q.data.order : 'lifo');
  return Response.json(list.map(mobileMessage));
});

export const PATCH = withDevice(async ({ req, db, device }) => {
  const body = await readMobileJson(req, patchMessagesBody);
  await reportStates(db, device, body);
  return new Response(null, { status: 204 });
});
