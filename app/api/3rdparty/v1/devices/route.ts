// GET /api/3rdparty/v1/devices — the account's phones, in the app server's Device shape (with simCards)
import { z } from 'zod';
import { thirdparty } from '@/lib/http/families';
import { appDevice } from '@/lib/http/thirdparty';
import { listDevices } from '@/lib/services/devices';
import { thirdPartyDevice } from '@/lib/validation/responses/gateway-app';

export const GET = thirdparty(
  { summary: "The account's phones", auth: 'devices:list', response: z.array(thirdPartyDevice), errors: [403] },
  async ({ db, actor }) => (await listDevices(db, actor)).map(appDevice),
);
