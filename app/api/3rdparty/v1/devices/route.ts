// GET /api/3rdparty/v1/devices — the account's phones
import { withGatewayClient } from '@/lib/http/thirdparty';
import { listDevices } from '@/lib/services/devices';

export const GET = withGatewayClient(async ({ db, actor }) =>
  Response.json(
    (await listDevices(db, actor)).map((d) => ({
      id: d.id,
      name: d.name,
      createdAt: d.created_at,
      updatedAt: d.last_seen_at ?? d.created_at,
      lastSeen: d.last_seen_at,
    })),
  ),
);
