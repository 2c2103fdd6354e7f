// PUT /v3/reseller/transfer-credit {client_user_id, balance, currency} — ClickSend-compatible credit transfer
import { clicksend } from '@/lib/http/families';
import { clicksendTransfer } from '@/lib/services/clicksend';
import { clicksendTransferCredit } from '@/lib/validation/clicksend';
import { clicksendTransfer as transferSchema } from '@/lib/validation/responses/clicksend';

export const PUT = clicksend(
  {
    summary: "Transfer credit to a client account's balance",
    auth: 'clicksend',
    body: clicksendTransferCredit,
    response: transferSchema,
  },
  async ({ db, actor, body }) => ({
    message: 'Credit has been transferred.',
    data: await clicksendTransfer(db, actor, body.client_user_id, body.balance, body.currency),
  }),
);
