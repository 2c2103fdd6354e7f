// GET /api/3rdparty/v1/devices — the account's phones
import { z } from 'zod';
import { thirdparty } from '@/lib/http/families';
import { listDevices } from '@/lib/services/devices';
import { thirdPartyDevice } from '@/lib/validation/responses/gateway-app';

export const GET = thirdparty(
  { summary: "The account's phones", auth: 'gateway', response: z.array(thirdPartyDevice), errors: [403] },
  async ({ db, actor }) =>
    (await listDevices(db, actor)).map((d) => ({
      id: d.id,
      name: d.name,
      createdAt: d.created_at,
      updatedAt: d.last_seen_at ?? d.created_at,
      lastSeen: d.last_seen_at,
    })),
);
