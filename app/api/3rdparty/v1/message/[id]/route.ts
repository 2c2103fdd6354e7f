// GET|DELETE /api/3rdparty/v1/message/:id — state; cancel while pending (409 otherwise)
import { messageState, withGatewayClient } from '@/lib/http/thirdparty';
import { cancelMessage, getMessage } from '@/lib/services/messages';

export const GET = withGatewayClient(async ({ db, actor, params }) =>
  Response.json(messageState(await getMessage(db, actor, params.id ?? ''))),
);

export const DELETE = withGatewayClient(async ({ db, actor, params }) =>
  Response.json(messageState(await cancelMessage(db, actor, params.id ?? ''))),
);
