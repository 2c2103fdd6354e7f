// POST /api/reseller/clients/:id/extend-trial {days: 1-30}
import { api } from '@/lib/http/families';
import { extendTrial } from '@/lib/services/trial-renewal';
import { extendTrialInput } from '@/lib/validation/clients';
import { clientView } from '@/lib/validation/responses/accounts';

export const POST = api(
  { summary: "Extend a client's trial by 1-30 days", auth: 'reseller', body: extendTrialInput, response: clientView },
  ({ db, actor, id, body }) => extendTrial(db, actor, id, body.days),
);
