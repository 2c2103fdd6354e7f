// PUT /v3/reseller/transfer-credit {client_user_id, balance, currency} — ClickSend-compatible credit transfer
import { DomainError } from '@/lib/errors';
import { withClickSend } from '@/lib/http/clicksend';
import { clicksendTransfer } from '@/lib/services/clicksend';
import { getSettings } from '@/lib/services/settings';
import { clicksendTransferCredit } from '@/lib/validation/clicksend';

export const PUT = withClickSend({ body: clicksendTransferCredit }, async ({ db, actor, body }) => {
  const currency = (await getSettings(db)).currency;
  if (body.currency && body.currency !== currency) {
    throw new DomainError('validation_failed', `Only ${currency} can be transferred.`, { fields: { currency: [`Only ${currency} can be transferred.`] } });
  }
  return { message: 'Credit has been transferred.', data: await clicksendTransfer(db, actor, body.client_user_id, body.balance) };
});
