// GET|DELETE /api/3rdparty/v1/message/:id — state; cancel while pending (409 otherwise)
import { thirdparty } from '@/lib/http/families';
import { messageState } from '@/lib/http/thirdparty';
import { cancelMessage, getMessage } from '@/lib/services/messages';
import { messageState as stateSchema } from '@/lib/validation/responses/gateway-app';

export const GET = thirdparty(
  { summary: 'Message state', auth: 'messages:read', id: 'text', response: stateSchema, errors: [403] },
  async ({ db, actor, textId }) => messageState(await getMessage(db, actor, textId)),
);

export const DELETE = thirdparty(
  {
    summary: 'Cancel: Cancelled while pending, Cancelling while a phone holds it (409 once sent)',
    auth: 'messages:cancel',
    id: 'text',
    response: stateSchema,
    errors: [403, 409],
  },
  async ({ db, actor, textId }) => messageState(await cancelMessage(db, actor, textId)),
);
