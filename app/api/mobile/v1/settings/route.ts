// GET /api/mobile/v1/settings — no server-side device settings yet; the app ignores an empty object
import { mobile } from '@/lib/http/families';
import { appSettings } from '@/lib/validation/responses/gateway-app';

export const GET = mobile({ summary: 'Device settings (none yet)', auth: 'device', response: appSettings }, async () => ({}));
