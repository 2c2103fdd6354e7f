// GET /api/mobile/v1/settings — no server-side device settings yet; the app ignores an empty object
import { withDevice } from '@/lib/http/mobile';

export const GET = withDevice(async () => Response.json({}));
