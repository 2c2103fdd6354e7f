// GET|PUT /v3/reseller/accounts/:client_user_id — ClickSend-compatible: view / partial update
import { withClickSend } from '@/lib/http/clicksend';
import { clicksendGet, clicksendUpdate } from '@/lib/services/clicksend';
import { clicksendUpdateAccount } from '@/lib/validation/clicksend';

export const GET = withClickSend({}, async ({ db, actor, id }) => ({
  message: 'Here is your data.',
  data: await clicksendGet(db, actor, id),
}));

export const PUT = withClickSend({ body: clicksendUpdateAccount }, async ({ db, actor, id, body }) => ({
  message: 'Account has been updated.',
  data: await clicksendUpdate(db, actor, id, body),
}));
