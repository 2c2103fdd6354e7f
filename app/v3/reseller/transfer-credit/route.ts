// PUT /v3/reseller/transfer-credit {client_user_id, balance, currency} — ClickSend-compatible credit transfer
import { withClickSend } from '@/lib/http/clicksend';
import { clicksendTransfer } from '@/lib/services/clicksend';
import { clicksendTransferCredit } from '@/lib/validation/clicksend';

export const PUT = withClickSend({ body: clicksendTransferCredit }, async ({ db, actor, body }) => ({
  message: 'Credit has been transferred.',
  data: await clicksendTransfer(db, actor, body.client_user_id, body.balance, body.currency),
}));
