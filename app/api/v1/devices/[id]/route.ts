// PATCH|DELETE /api/v1/devices/:id — rename, enable/disable (within the device limit), remove
import { withApi } from '@/lib/http/api';
import { removeDevice, updateDevice } from '@/lib/services/devices';
import { deviceUpdateInput } from '@/lib/validation/gateway';

export const PATCH = withApi({ auth: 'client', idKind: 'text', body: deviceUpdateInput }, ({ db, actor, textId, body }) =>
  updateDevice(db, actor, textId, body),
);

export const DELETE = withApi({ auth: 'client', idKind: 'text' }, ({ db, actor, textId }) => removeDevice(db, actor, textId));
