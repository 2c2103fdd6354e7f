// GET|POST /v3/reseller/accounts — ClickSend-compatible: list (page, limit 15..100) and create client accounts
import { clicksend } from '@/lib/http/families';
import { clicksendCreate, clicksendList } from '@/lib/services/clicksend';
import { clicksendCreateAccount, clicksendListQuery } from '@/lib/validation/clicksend';
import { clicksendAccount, clicksendList as listSchema } from '@/lib/validation/responses/clicksend';

export const GET = clicksend(
  { summary: 'List client accounts (ClickSend list format)', auth: 'clicksend', query: clicksendListQuery, response: listSchema },
  async ({ db, actor, query }) => ({
    message: 'Here are your data.',
    data: await clicksendList(db, actor, query, '/v3/reseller/accounts'),
  }),
);

export const POST = clicksend(
  { summary: 'Create a client account', auth: 'clicksend', body: clicksendCreateAccount, response: clicksendAccount },
  async ({ db, actor, body }) => ({ message: 'New account has been added.', data: await clicksendCreate(db, actor, body) }),
);
