// GET|DELETE /api/3rdparty/v1/message/:id — state; cancel while pending (409 otherwise)
import { thirdparty } from '@/lib/http/families';
import { messageState } from '@/lib/http/thirdparty';
import { cancelMessage, getMessage } from '@/lib/services/messages';
import { messageState as stateSchema } from '@/lib/validation/responses/gateway-app';

export const GET = thirdparty(
  { summary: 'Message state', auth: 'gateway', id: 'text', response: stateSchema, errors: [403] },
  async ({ db, actor, textId }) => messageState(await getMessage(db, actor, textId)),
);

export const DELETE = thirdparty(
  { summary: 'Cancel while pending (409 otherwise)', auth: 'gateway', id: 'text', response: stateSchema, errors: [403, 409] },
  async ({ db, actor, textId }) => messageState(await cancelMessage(db, actor, textId)),
);
