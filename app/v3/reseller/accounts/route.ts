// GET|POST /v3/reseller/accounts — ClickSend-compatible: list (page, limit 15..100) and create client accounts
import { withClickSend } from '@/lib/http/clicksend';
import { clicksendCreate, clicksendList } from '@/lib/services/clicksend';
import { clicksendCreateAccount, clicksendListQuery } from '@/lib/validation/clicksend';

export const GET = withClickSend({ query: clicksendListQuery }, async ({ db, actor, query }) => ({
  message: 'Here are your data.',
  data: await clicksendList(db, actor, query, '/v3/reseller/accounts'),
}));

export const POST = withClickSend({ body: clicksendCreateAccount }, async ({ db, actor, body }) => ({
  message: 'New account has been added.',
  data: await clicksendCreate(db, actor, body),
}));
