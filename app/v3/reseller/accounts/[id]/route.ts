// GET|PUT /v3/reseller/accounts/:client_user_id — ClickSend-compatible: view / partial update
import { clicksend } from '@/lib/http/families';
import { clicksendGet, clicksendUpdate } from '@/lib/services/clicksend';
import { clicksendUpdateAccount } from '@/lib/validation/clicksend';
import { clicksendAccount } from '@/lib/validation/responses/clicksend';

export const GET = clicksend(
  { summary: 'View a client account (id = client_user_id)', auth: 'clicksend', response: clicksendAccount },
  async ({ db, actor, id }) => ({ message: 'Here is your data.', data: await clicksendGet(db, actor, id) }),
);

export const PUT = clicksend(
  { summary: 'Update a client account (partial)', auth: 'clicksend', body: clicksendUpdateAccount, response: clicksendAccount },
  async ({ db, actor, id, body }) => ({ message: 'Account has been updated.', data: await clicksendUpdate(db, actor, id, body) }),
);
