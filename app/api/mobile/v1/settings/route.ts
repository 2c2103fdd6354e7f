// GET /api/mobile/v1/settings — the device's settings in the app server's DeviceSettings shape (sections of
// snake_case keys the app imports). We manage one: gateway.notification_channel, SSE_ONLY unless the
// client chose AUTO for this device in the portal (docs/device-protocol.md §5).
import { mobile } from '@/lib/http/families';
import { appSettings } from '@/lib/validation/responses/gateway-app';

export const GET = mobile(
  { summary: 'Device settings (notification channel)', auth: 'device', response: appSettings },
  async ({ device }) => ({
    gateway: { notification_channel: device.notificationChannel },
  }),
);
