// GET /api/v1/devices — the client's gateway phones with last seen, battery, online
import { api } from '@/lib/http/families';
import { listDevices } from '@/lib/services/devices';
import { listOf } from '@/lib/validation/responses/common';
import { deviceView } from '@/lib/validation/responses/messaging';

export const GET = api({ summary: 'Gateway phones', auth: 'client', response: listOf(deviceView) }, async ({ db, actor }) => ({
  data: await listDevices(db, actor),
}));
