// PATCH|DELETE /api/v1/devices/:id — rename, enable/disable (within the device limit), remove
import { api } from '@/lib/http/families';
import { removeDevice, updateDevice } from '@/lib/services/devices';
import { deviceUpdateInput } from '@/lib/validation/gateway';
import { deviceRemoved, deviceView } from '@/lib/validation/responses/messaging';

export const PATCH = api(
  {
    summary: 'Rename, enable or disable a phone',
    auth: 'client',
    id: 'text',
    body: deviceUpdateInput,
    response: deviceView,
    errors: [429],
  },
  ({ db, actor, textId, body }) => updateDevice(db, actor, textId, body),
);

export const DELETE = api({ summary: 'Remove a phone', auth: 'client', id: 'text', response: deviceRemoved }, ({ db, actor, textId }) =>
  removeDevice(db, actor, textId),
);
