// DELETE /api/3rdparty/v1/devices/:id — remove a phone (its token stops working), as the portal's Remove
import { thirdparty } from '@/lib/http/families';
import { removeDevice } from '@/lib/services/devices';

export const DELETE = thirdparty(
  { summary: 'Remove a phone', auth: 'devices:delete', id: 'text', status: 204, response: null, errors: [403] },
  async ({ db, actor, textId }) => {
    await removeDevice(db, actor, textId);
    return null;
  },
);
