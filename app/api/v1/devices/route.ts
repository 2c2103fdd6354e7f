// GET /api/v1/devices — the client's gateway phones with last seen, battery, online
import { withApi } from '@/lib/http/api';
import { listDevices } from '@/lib/services/devices';

export const GET = withApi({ auth: 'client' }, async ({ db, actor }) => ({ data: await listDevices(db, actor) }));
